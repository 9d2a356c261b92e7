// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "koe",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KoeKit", targets: ["KoeKit"]),
        .library(name: "KoeReport", targets: ["KoeReport"]),
        .library(name: "KoeHistory", targets: ["KoeHistory"]),
        .executable(name: "koe", targets: ["koe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Link flags for the system ICU (Debian: libicu-dev). Never imported from Swift.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"]), .brew(["icu4c"])]
        ),
        // C facade over ICU: the public header uses only <stdint.h> types, so it can sit
        // next to Foundation (whose own ICU copy clashes with the system headers).
        .target(name: "KoeICU", dependencies: ["CICU"]),
        .target(name: "KoeKit", dependencies: ["KoeICU"]),
        // Markdown / HTML / JSON renderers of the weekly report (templates compiled in).
        .target(name: "KoeReport", dependencies: ["KoeKit"]),
        .target(name: "KoeHistory", dependencies: ["KoeKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "koe",
            dependencies: [
                "KoeKit",
                "KoeReport",
                "KoeHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KoeKitTests",
            dependencies: ["KoeKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "KoeReportTests", dependencies: ["KoeReport"], exclude: ["Fixtures"]),
        .testTarget(name: "KoeCLITests", dependencies: ["koe"], exclude: ["Fixtures"]),
        .testTarget(name: "KoeHistoryTests", dependencies: ["KoeHistory"]),
    ]
)
