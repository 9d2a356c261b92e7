import Foundation

/// The compiled, layered lexicon: declarations, entries, user words and examples from the
/// built-in pack and every user layer (later layers override earlier ones).
public struct Lexicon: Sendable {
    public internal(set) var signals: [String: SignalDeclaration] = [:]
    public internal(set) var topics: [String: TopicDeclaration] = [:]
    public internal(set) var words: [String] = []
    /// Word classes by name (`classes/*.tsv`), after layering.
    public internal(set) var classes: [String: WordClass] = [:]
    /// Words too generic to name or group recurring issues (`stopwords.tsv`).
    public internal(set) var stopwords: [String] = []
    /// Words that name the same thing, for grouping issues (`synonyms.tsv`), by canonical
    /// word; a later layer's set with the same canonical word replaces an earlier one.
    public internal(set) var synonyms: [String: SynonymSet] = [:]
    /// Kana short units and verb endings `koe tokenize` cuts ICU's words into (`units.tsv`).
    public internal(set) var units: [ShortUnit] = []
    public internal(set) var entries: [LexiconEntry] = []
    /// The problem kind a line names (`issue:KIND` in its target column), by the line's
    /// `file:line`: lines written differently that name one problem (起動しない, 開かない,
    /// 落ちる → `crash`) count as one phrase when issues are grouped.
    public internal(set) var issueKinds: [String: String] = [:]
    public internal(set) var examples: [LexiconExample] = []
    /// The files read, in load order.
    public internal(set) var files: [String] = []
    /// A short content hash of every file read, so reports say which lexicon produced them.
    public internal(set) var version = ""

    public init() {}

    /// Loads `layers` (folders searched recursively for `*.tsv`, or single files) in order;
    /// `only` restricts loading to some kinds of file (the tokenizer needs just `words.tsv`).
    /// Problems never stop loading: they are returned as diagnostics, and a broken line is
    /// skipped. Missing layers are errors.
    public static func load(layers: [String], only kinds: Set<LexiconParser.FileKind>? = nil) -> (Lexicon, [Diagnostic]) {
        load(layers: layers.map { ($0, nil) }, only: kinds)
    }

    /// `shownAs` names a layer in messages and evidence (the built-in pack is always shown as
    /// `lexicons/ja/…`, wherever it is installed, so output does not depend on the machine).
    /// `packs`: the built-in domain packs, named in the message about a layer that is not there.
    static func load(
        layers: [(path: String, shownAs: String?)], only kinds: Set<LexiconParser.FileKind>?, packs: [String] = []
    ) -> (Lexicon, [Diagnostic]) {
        let (files, problems) = files(of: layers, packs: packs)
        var builder = LexiconBuilder()
        builder.diagnostics = problems
        for parsed in LexiconBuilder.parseAll(files, kinds: kinds) { builder.add(parsed) }
        return builder.finish()
    }

    /// Builds the lexicon of `files` (from `files(of:packs:)`) from their bytes, already read
    /// (nil: unreadable).
    static func build(_ files: [(file: String, shown: String, layer: Int)], contents: [Data?]) -> (Lexicon, [Diagnostic]) {
        var builder = LexiconBuilder()
        for parsed in LexiconBuilder.parseAll(files, kinds: nil, contents: contents) { builder.add(parsed) }
        return builder.finish()
    }

    /// The version (`Lexicon.version`) the files of `layers` would load as, from their bytes
    /// alone, without parsing them; nil when a layer has no files or one cannot be read.
    public static func version(ofLayers layers: [String]) -> String? {
        let (files, problems) = files(of: layers.map { ($0, nil) }, packs: [])
        guard problems.isEmpty else { return nil }
        var hash = LexiconBuilder.versionSeed
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.file) else { return nil }
            hash = LexiconBuilder.versionHash(data, seed: hash)
        }
        return LexiconBuilder.versionString(hash)
    }

    /// The lexicon files of `layers` in load order, with the name each is shown by and its
    /// layer index; an error for each layer that has none.
    static func files(
        of layers: [(path: String, shownAs: String?)], packs: [String]
    ) -> ([(file: String, shown: String, layer: Int)], [Diagnostic]) {
        var problems: [Diagnostic] = []
        var files: [(file: String, shown: String, layer: Int)] = []
        for (index, (layer, shownAs)) in layers.enumerated() {
            let found = LexiconBuilder.tsvFiles(in: layer)
            if found.isEmpty {
                problems.append(Diagnostic(
                    file: layer, line: 0, column: 0, severity: .error,
                    message: "no lexicon files found (expected a folder of .tsv files or a .tsv file"
                        + (packs.isEmpty ? ")" : ", or a built-in pack: \(packs.joined(separator: ", ")))")))
            }
            for file in found {
                files.append((file, shownAs.map { $0 + file.dropFirst(layer.count) } ?? LexiconBuilder.displayPath(file), index))
            }
        }
        return (files, problems)
    }

    /// The built-in pack followed by `extra` layers; an error diagnostic when no pack is found.
    public static func loadDefault(extra: [String] = [], only kinds: Set<LexiconParser.FileKind>? = nil) -> (Lexicon, [Diagnostic]) {
        guard let (layers, packs) = defaultLayers(extra: extra) else {
            let (lexicon, diagnostics) = load(layers: extra, only: kinds)
            return (lexicon, [builtInMissing] + diagnostics)
        }
        return load(layers: layers, only: kinds, packs: packs)
    }

    static let builtInMissing = Diagnostic(
        file: "lexicons", line: 0, column: 0, severity: .error,
        message: "built-in lexicons not found; set \(LexiconLocator.environmentVariable) or pass --lexicon DIR")

    /// The layers `loadDefault` loads (the built-in pack first) and the names of the built-in
    /// domain packs; nil when there is no built-in pack.
    static func defaultLayers(extra: [String]) -> (layers: [(path: String, shownAs: String?)], packs: [String])? {
        guard let builtIn = LexiconLocator.builtIn() else { return nil }
        // A layer that is no path but names a built-in domain pack (`hospitality`) loads the pack.
        let packs = LexiconLocator.packs(beside: builtIn)
        let layers = extra.map { layer -> (path: String, shownAs: String?) in
            if !FileManager.default.fileExists(atPath: layer), let pack = packs[layer] {
                return (pack.path, "lexicons/packs/\(layer)")
            }
            return (layer, nil)
        }
        return ([(builtIn.path, "lexicons/ja")] + layers, packs.keys.sorted())
    }
}
