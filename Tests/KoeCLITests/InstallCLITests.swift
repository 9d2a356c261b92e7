import Foundation
import Testing

/// An installed koe (`PREFIX/bin/koe` + `PREFIX/share/koe/lexicons`, the layout
/// `tools/install.sh` writes) finds its lexicons relative to itself, never through the checkout
/// it was built from.
@Suite struct InstallCLITests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Copies the built binary to `prefix/bin/koe` (and the lexicons when `withLexicons`) and
    /// runs it from the filesystem root with no `KOE_LEXICONS`.
    static func runInstalled(_ arguments: [String], withLexicons: Bool) throws -> (status: Int32, out: String, err: String) {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("koe-prefix-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: prefix) }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let exe = prefix.appendingPathComponent("bin/koe")
        try fm.copyItem(at: KoeRunner.binary, to: exe)
        if withLexicons {
            try fm.createDirectory(at: prefix.appendingPathComponent("share/koe"), withIntermediateDirectories: true)
            try fm.copyItem(at: checkout.appendingPathComponent("lexicons"), to: prefix.appendingPathComponent("share/koe/lexicons"))
        }
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var env = KoeRunner.environment
        env.removeValue(forKey: "KOE_LEXICONS")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func anInstalledBinaryFindsTheLexiconsBesideIt() throws {
        let r = try Self.runInstalled(["explain", "二段階認証のSMSが届きません"], withLexicons: true)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("stance:     dissatisfaction"), "\(r.out)")
        let v = try Self.runInstalled(["--version"], withLexicons: true)
        #expect(v.status == 0)
        #expect(v.out.hasPrefix("koe "), "\(v.out)")
        #expect(v.out.contains("share/koe/lexicons/ja"), "\(v.out)")
    }

    @Test func withoutInstalledLexiconsItFailsInsteadOfReadingTheCheckout() throws {
        let r = try Self.runInstalled(["explain", "返信が来ません"], withLexicons: false)
        #expect(r.status == 78, "\(r.out)\(r.err)")
        #expect(r.err.contains("built-in lexicons not found"), "\(r.err)")
        let v = try Self.runInstalled(["--version"], withLexicons: false)
        #expect(v.out.contains("lexicons: not found"), "\(v.out)")
    }
}
