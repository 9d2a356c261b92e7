import Foundation

/// Finds the built-in lexicons without flags: `$KOE_LEXICONS`, then, from the executable's
/// folder upwards, a `lexicons/` folder (covers `swift run` and `.build/*/koe` in a checkout)
/// or a `share/koe/lexicons` folder (an install by `tools/install.sh PREFIX`: `PREFIX/bin/koe`
/// finds `PREFIX/share/koe/lexicons`). Never the checkout the binary was built from: an
/// installed koe must not depend on where it was compiled.
public enum LexiconLocator {
    public static let environmentVariable = "KOE_LEXICONS"

    /// The built-in language pack folder (e.g. `…/lexicons/ja`), or nil when none is found.
    public static func builtIn(language: String = "ja") -> URL? {
        let fm = FileManager.default
        func pack(in root: URL) -> URL? {
            let url = root.appendingPathComponent(language, isDirectory: true)
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue ? url : nil
        }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            let url = URL(fileURLWithPath: env, isDirectory: true)
            return pack(in: url) ?? url
        }
        if var dir = executableDirectory() {
            while true {
                if let found = pack(in: dir.appendingPathComponent("lexicons", isDirectory: true)) { return found }
                if let found = pack(in: dir.appendingPathComponent("share/koe/lexicons", isDirectory: true)) {
                    return found
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// A data file beside the built-in language pack: `input/columns.tsv` is
    /// `lexicons/input/columns.tsv`; nil when there is no such file.
    public static func dataFile(_ relative: String, language: String = "ja") -> URL? {
        guard let pack = builtIn(language: language) else { return nil }
        let url = pack.deletingLastPathComponent().appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The built-in domain packs by name: the folders of `packs/` beside the language pack
    /// `languagePack` (`lexicons/ja` → `lexicons/packs/hospitality`).
    public static func packs(beside languagePack: URL) -> [String: URL] {
        let dir = languagePack.deletingLastPathComponent().appendingPathComponent("packs", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        var packs: [String: URL] = [:]
        for name in names {
            var isDir: ObjCBool = false
            let url = dir.appendingPathComponent(name, isDirectory: true)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue { packs[name] = url }
        }
        return packs
    }

    private static func executableDirectory() -> URL? {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if exe.path != "/proc/self/exe" { return exe.deletingLastPathComponent() }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
