import Foundation
import KoeICU

/// Compiled lexicons kept between runs, so that startup reads one file instead of parsing,
/// expanding and compiling every lexicon line (and reading ICU's dictionary pairs).
///
/// One file per set of lexicon files (`lexicon-HASH.bin` in `directory`), keyed on the bytes
/// of every lexicon file in load order with the name it is shown by and its layer, the
/// program's version and build, the cache format and the ICU version: any edit, another
/// binary or another ICU gives another key, and the file is rebuilt (one file per set of
/// layers keeps the folder small; two builds used in turn rebuild it in turn). A file that is damaged,
/// truncated or of another format is rebuilt too, with a note. Files are written to a
/// temporary file and renamed into place, so concurrent runs never see half a file. A
/// lexicon with errors is never cached.
public struct LexiconCache: Sendable {
    public let directory: URL
    /// What the cached content depends on besides the lexicon files.
    let identity: String

    /// Bumped whenever what `CompiledLexicon+Cache.swift` or `LexiconCacheReport.swift` stores
    /// changes (4: the key slots of speed23 and the report part of report23 together; 6: the
    /// aspect judgement classes and problem phrases of aspect29).
    static let formatVersion = 6
    static let magic = Array("KOELEXC\u{0}".utf8)
    /// `KOE_NO_CACHE=1`: neither read nor write the cache.
    public static let disableVariable = "KOE_NO_CACHE"

    /// `programVersion`: the version the CLI reports; the build (the executable's size, time
    /// and inode) is added, so a rebuilt binary never reads a cache an older build wrote.
    public init(directory: URL, programVersion: String) {
        self.directory = directory
        identity = "koe \(programVersion); format \(Self.formatVersion); ICU \(Self.icuVersion); build \(Self.buildIdentity)"
    }

    /// `$XDG_CACHE_HOME/koe`, else `~/.cache/koe`; nil when there is no home either. A
    /// relative `XDG_CACHE_HOME` is ignored, as the XDG specification says.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("koe", isDirectory: true)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/koe", isDirectory: true)
    }

    /// Whether `KOE_NO_CACHE` is set (to anything but empty or 0).
    public static func isDisabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment[disableVariable] else { return false }
        return !value.isEmpty && value != "0"
    }

    static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 64)
        koe_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static var buildIdentity: String {
        let linux = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let path = linux != "/proc/self/exe" ? linux : Bundle.main.executablePath ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return path }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return "\(path) \(size) \(time) \(inode)"
    }

    /// A load through the cache.
    public struct Loaded {
        /// nil when the lexicon has errors (see `diagnostics`).
        public let lexicon: CompiledLexicon?
        public let diagnostics: [Diagnostic]
        /// What happened to the cache, for stderr (one line each): a damaged file rebuilt, a
        /// directory that cannot be written.
        public let notes: [String]
        /// Whether the compiled lexicon was read from the cache.
        public let fromCache: Bool
    }

    /// The built-in pack followed by `extra` layers, compiled (as `Lexicon.loadDefault` then
    /// `CompiledLexicon.init`), read from the cache when it holds them and written to it when
    /// not. ICU's dictionary pairs are cached with them, and what the report reads of the
    /// source lexicon (`ReportLexicon`).
    public func loadDefault(extra: [String] = []) throws -> Loaded {
        guard let (layers, packs) = Lexicon.defaultLayers(extra: extra) else { return try Self.uncached(extra: extra) }
        let (files, problems) = Lexicon.files(of: layers, packs: packs)
        guard problems.isEmpty else { return try Self.uncached(extra: extra) }
        let contents = files.map { FileManager.default.contents(atPath: $0.file) }
        guard !contents.contains(where: { $0 == nil }) else { return try Self.uncached(extra: extra) }
        var key = ContentHash()
        var name = ContentHash()
        for (file, data) in zip(files, contents) {
            for text in [file.file, file.shown] {
                key.add(text)
                name.add(text)
            }
            key.add(file.layer)
            name.add(file.layer)
            data!.withUnsafeBytes { key.add($0) }
        }
        let url = directory.appendingPathComponent("lexicon-\(name.digest.hex.prefix(16)).bin")
        // What built it (koe, format, ICU), and what from (the files): told apart in the note.
        var built = ContentHash()
        built.add(identity)
        let digest = ContentHash(a: built.digest.a, b: key.digest.a)
        let source = LexiconSource(building: { Lexicon.build(files, contents: contents).0 })
        var notes: [String] = []
        switch CacheFile.read(url, key: digest) {
        case let .hit(file):
            do {
                let (stored, pairs, report) = try file.withUnsafeBytes { bytes in
                    var reader = CacheReader(UnsafeRawBufferPointer(rebasing: bytes[CacheFile.payloadOffset...]))
                    let stored = try CompiledLexicon.read(from: &reader)
                    let loaded = try reader.bool()
                    let bits: [UInt64] = try reader.array()
                    let report = try ReportLexicon.read(from: &reader)
                    guard reader.isAtEnd else { throw CacheFormatError(description: "trailing bytes") }
                    return (stored, (loaded, bits), report)
                }
                if DictionaryPairs.preset == nil { DictionaryPairs.preset = pairs }
                source.report = report
                return Loaded(
                    lexicon: CompiledLexicon(stored: stored, source: source), diagnostics: [], notes: [], fromCache: true)
            } catch {
                notes.append("lexicon cache \(url.path) is damaged (\(error)); rebuilt it")
            }
        case .absent: break
        case .otherBuild: notes.append("the lexicon cache \(url.path) was written by another build of koe or ICU; rebuilt it")
        case .stale: notes.append("lexicons changed since \(url.path) was written; rebuilt it")
        case let .damaged(reason): notes.append("lexicon cache \(url.path) is damaged (\(reason)); rebuilt it")
        }
        TextAnalyzer.preloadDictionaryPairs()
        let (lexicon, diagnostics) = Lexicon.build(files, contents: contents)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Loaded(lexicon: nil, diagnostics: diagnostics, notes: notes, fromCache: false)
        }
        let compiled = try CompiledLexicon(lexicon)
        var out = CacheWriter()
        compiled.write(to: &out)
        let pairs = DictionaryPairs.shared.stored
        out.bool(pairs.isLoaded)
        out.array(pairs.bits)
        ReportLexicon(lexicon).write(to: &out)
        do {
            try CacheFile.write(out.bytes, key: digest, to: url)
        } catch {
            notes.append("cannot write the lexicon cache in \(directory.path) (\(error)); going on without it")
        }
        return Loaded(lexicon: compiled, diagnostics: diagnostics, notes: notes, fromCache: false)
    }

    /// `Lexicon.loadDefault` and a compile, without the cache.
    public static func uncached(extra: [String] = []) throws -> Loaded {
        TextAnalyzer.preloadDictionaryPairs()
        let (lexicon, diagnostics) = Lexicon.loadDefault(extra: extra)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Loaded(lexicon: nil, diagnostics: diagnostics, notes: [], fromCache: false)
        }
        return Loaded(lexicon: try CompiledLexicon(lexicon), diagnostics: diagnostics, notes: [], fromCache: false)
    }
}
