import Dispatch
import Foundation

/// Accumulates parsed files into a `Lexicon`: resolves targets against declarations, applies
/// layer overrides, and reports duplicates and conflicts.
struct LexiconBuilder {
    var diagnostics: [Diagnostic] = []
    private var lexicon = Lexicon()
    private var raw: [(entry: LexiconParser.RawEntry, layer: Int)] = []
    private var hash: UInt64 = Self.versionSeed

    /// The lexicon version is FNV-1a over the bytes of every file in load order.
    static let versionSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static func versionHash(_ data: Data, seed: UInt64) -> UInt64 {
        data.withUnsafeBytes { bytes in bytes.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } }
    }
    static func versionString(_ hash: UInt64) -> String { String(hash, radix: 16).prefix(8).description }
    /// Word classes by name; a later layer's class replaces an earlier one.
    private var classes: [String: (wordClass: WordClass, layer: Int)] = [:]
    /// Alternative spellings (`spellings.tsv`), applied to every entry when it is expanded.
    private var spellings: [Spelling] = []

    static func tsvFiles(in path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        guard isDir.boolValue else { return path.hasSuffix(".tsv") ? [path] : [] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".tsv") }.sorted().map { "\(base)/\($0)" }
    }

    /// Paths under the working directory are shown relative to it, like a compiler does.
    static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        let standardized = (absolute as NSString).standardizingPath
        return standardized.hasPrefix(cwd + "/") ? String(standardized.dropFirst(cwd.count + 1)) : path
    }

    /// One file read and parsed, to be added in layer order (files parse on all cores).
    struct ParsedFile: Sendable {
        let file: String
        let shown: String
        let layer: Int
        /// nil: the file cannot be read.
        let data: Data?
        /// nil: the file is not UTF-8.
        let result: LexiconParser.Result?
    }

    /// Parses `file` from `data` (nil: the file cannot be read); nil when its kind is not wanted.
    static func parse(
        _ file: String, shownAs shown: String, layer: Int, kinds: Set<LexiconParser.FileKind>?, data: () -> Data?
    ) -> ParsedFile? {
        let kind = LexiconParser.kind(ofFile: file)
        if let kinds, !kinds.contains(kind) { return nil }
        let data = data()
        let text = data.flatMap { String(data: $0, encoding: .utf8) }
        return ParsedFile(
            file: file, shown: shown, layer: layer, data: data,
            result: text.map { LexiconParser.parse($0, file: shown, kind: kind) })
    }

    /// `parse` for each file, on all cores; the results in file order. `contents`: the files'
    /// bytes when already read (the lexicon cache reads them to compute its key), else each
    /// file is read here.
    static func parseAll(
        _ files: [(file: String, shown: String, layer: Int)], kinds: Set<LexiconParser.FileKind>?, contents: [Data?]? = nil
    ) -> [ParsedFile] {
        let results = UnsafeMutablePointer<ParsedFile?>.allocate(capacity: files.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            (out + i).initialize(to: parse(file.file, shownAs: file.shown, layer: file.layer, kinds: kinds) {
                contents.map { $0[i] } ?? FileManager.default.contents(atPath: file.file)
            })
        }
        let parsed = UnsafeBufferPointer(start: results, count: files.count).compactMap { $0 }
        results.deinitialize(count: files.count)
        return parsed
    }

    mutating func add(_ parsed: ParsedFile) {
        guard let data = parsed.data else {
            diagnostics.append(Diagnostic(file: parsed.file, line: 0, column: 0, severity: .error, message: "cannot read file"))
            return
        }
        hash = Self.versionHash(data, seed: hash)
        guard let result = parsed.result else {
            diagnostics.append(Diagnostic(file: parsed.file, line: 1, column: 1, severity: .error, message: "not valid UTF-8"))
            return
        }
        lexicon.files.append(parsed.shown)
        diagnostics += result.diagnostics
        for s in result.signals { lexicon.signals[s.id] = s }
        for t in result.topics { lexicon.topics[t.id] = t }
        lexicon.words += result.words
        lexicon.units += result.units
        for c in result.classes {
            if let previous = classes[c.name], previous.layer == parsed.layer {
                diagnostics.append(Diagnostic(
                    file: c.location.file, line: c.location.line, column: 1, severity: .error,
                    message: "word class '@\(c.name)' is already defined at \(previous.wordClass.location)"))
            } else {
                classes[c.name] = (c, parsed.layer)
            }
        }
        lexicon.stopwords += result.stopwords
        for set in result.synonyms { lexicon.synonyms[set.canonical] = set }
        spellings += result.spellings
        lexicon.examples += result.examples
        raw += result.entries.map { ($0, parsed.layer) }
    }

    mutating func finish() -> (Lexicon, [Diagnostic]) {
        let targetCount = raw.reduce(0) { $0 + $1.entry.targets.count }
        var slot: [String: Int] = [:]  // pattern + target -> index in `resolved`
        slot.reserveCapacity(targetCount)
        var resolved: [(entry: LexiconEntry, layer: Int)?] = []
        resolved.reserveCapacity(targetCount)
        lexicon.classes = classes.mapValues(\.wordClass)
        let expander = PatternExpander(classes: lexicon.classes, negationClass: nil)
        let expansions = Self.expandAll(raw.map(\.entry), expander)
        for (n, (entry, layer)) in raw.enumerated() {
            let normalized = (try? Normalizer.normalize(entry.pattern)) ?? entry.pattern
            guard let (expanded, inflection) = expand(entry, expansions[n]) else { continue }
            var expansion = expanded
            expansion.addSpellings(spellings) { inflection.fits($0) }
            guard let targets = issueKind(of: entry) else { continue }
            for (text, column) in targets {
                guard let target = resolve(text, column: column, at: entry.location) else { continue }
                let key = normalized + "\t" + target.description
                let compiled = LexiconEntry(
                    pattern: entry.pattern, normalizedPattern: normalized, targets: [target],
                    weight: entry.weight, inflection: inflection, location: entry.location,
                    segments: expansion.segments, gaps: expansion.gaps)
                // One lookup per key (hashing Japanese text is slow): the key takes a new slot, and
                // goes back to its old one if that still holds an entry; an emptied slot counts as none.
                if let i = slot.updateValue(resolved.count, forKey: key), let previous = resolved[i] {
                    slot[key] = i
                    if previous.layer == layer {
                        warn(entry.location, column, "duplicate entry '\(entry.pattern)' → \(target) (first at \(previous.entry.location))")
                    }
                    resolved[i] = entry.weight == 0 ? nil : (compiled, layer)
                } else {
                    resolved.append(entry.weight > 0 ? (compiled, layer) : nil)
                }
            }
        }
        lexicon.entries = resolved.compactMap { $0?.entry }
        reportConflicts()
        for (name, strings) in JudgementClass.judgements(in: lexicon).unspelled.sorted(by: { $0.key < $1.key }) {
            if let at = lexicon.classes[name]?.location {
                warn(at, 1, "@\(name): no polarity line spells \(strings.joined(separator: ", ")), so it judges no aspect")
            }
        }
        checkExamples()
        lexicon.version = Self.versionString(hash)
        return (lexicon, diagnostics)
    }

    /// Every entry's expansion, on all cores (expanding is most of a lexicon's load time, and
    /// each entry expands on its own); the results in entry order.
    static func expandAll(
        _ entries: [LexiconParser.RawEntry], _ base: PatternExpander
    ) -> [Result<PatternExpander.Expansion, PatternError>] {
        let results = UnsafeMutablePointer<Result<PatternExpander.Expansion, PatternError>>.allocate(capacity: entries.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        let chunks = min(entries.count, 16)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * entries.count / chunks)..<((c + 1) * entries.count / chunks) {
                let entry = entries[i]
                var expander = base
                if entry.inflectionGiven && entry.parsed.hasNegation(classes: base.classes) {
                    expander = PatternExpander(classes: base.classes, negationClass: entry.inflection)
                }
                (out + i).initialize(to: Result { () throws(PatternError) in try expander.expand(entry.parsed) })
            }
        }
        let expansions = Array(UnsafeBufferPointer(start: results, count: entries.count))
        results.deinitialize(count: entries.count)
        return expansions
    }

    /// The entry's expansion (from `expandAll`) and effective inflection, or nil after
    /// reporting why it has none.
    private mutating func expand(
        _ entry: LexiconParser.RawEntry, _ expanded: Result<PatternExpander.Expansion, PatternError>
    ) -> (PatternExpander.Expansion, Inflection)? {
        let negates = entry.parsed.hasNegation(classes: lexicon.classes)
        let expansion: PatternExpander.Expansion
        switch expanded {
        case let .success(e): expansion = e
        case let .failure(error):
            diagnostics.append(Diagnostic(
                file: entry.location.file, line: entry.location.line, column: error.column, severity: .error, message: error.message))
            return nil
        }
        if expansion.count > PatternExpander.warningLimit {
            warn(entry.location, 1, "the pattern expands to \(expansion.count) strings (more than \(PatternExpander.warningLimit)); consider splitting it")
        }
        let inflection = negates ? Inflection.prefix : entry.inflection
        for s in expansion.segments[expansion.segments.count - 1] where !inflection.fits(s) {
            let what = s == entry.pattern ? "pattern '\(s)'" : "pattern '\(entry.pattern)' (as '\(s)')"
            diagnostics.append(Diagnostic(
                file: entry.location.file, line: entry.location.line, column: 1, severity: .error,
                message: "\(what) does not fit inflection '\(inflection.rawValue)': expected it to end in \(inflection.expectedEnding)"))
            return nil
        }
        return (expansion, inflection)
    }

    /// Takes an `issue:KIND` marker out of the entry's targets into `issueKinds` and returns
    /// the other targets, or nil after reporting a bad marker or a line with nothing else.
    private mutating func issueKind(of entry: LexiconParser.RawEntry) -> [(text: String, column: Int)]? {
        var rest: [(text: String, column: Int)] = []
        var kind: String?
        for (text, column) in entry.targets {
            guard text.hasPrefix(Self.issuePrefix) else {
                rest.append((text, column))
                continue
            }
            let id = String(text.dropFirst(Self.issuePrefix.count))
            guard LexiconParser.isIdentifier(Substring(id)) else {
                _ = fail(entry.location, column, "invalid issue kind '\(id)' (snake_case ASCII, like issue:double_charge)")
                return nil
            }
            guard kind == nil else {
                _ = fail(entry.location, column, "a line names at most one issue kind")
                return nil
            }
            kind = id
        }
        if let kind {
            guard !rest.isEmpty else {
                _ = fail(entry.location, 1, "issue:\(kind) needs a target beside it (pos, neg or a signal id)")
                return nil
            }
            lexicon.issueKinds[entry.location.description] = kind
        }
        return rest
    }

    static let issuePrefix = "issue:"
    static let aspectPrefix = "aspect:"

    private mutating func resolve(_ text: String, column: Int, at location: SourceLocation) -> Target? {
        if let polarity = Polarity(rawValue: text) { return .polarity(polarity) }
        if text.hasPrefix("topic:") {
            let id = String(text.dropFirst(6))
            guard lexicon.topics[id] != nil else { return fail(location, column, "unknown topic '\(id)' (not declared in topics.tsv)") }
            return .topic(id)
        }
        if text.hasPrefix("rule:") {
            let role = String(text.dropFirst(5))
            guard let r = RuleRole(rawValue: role) else {
                let known = RuleRole.allCases.map(\.rawValue).joined(separator: ", ")
                return fail(location, column, "unknown rule role '\(role)' (one of: \(known))")
            }
            return .rule(r)
        }
        if text.hasPrefix(Self.aspectPrefix) {
            let spec = text.dropFirst(Self.aspectPrefix.count).split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            let id = String(spec[0]), judgement = spec.count > 1 ? String(spec[1]) : nil
            guard let signal = lexicon.signals[id] else { return fail(location, column, "unknown signal '\(id)' in \(text)") }
            guard signal.family != .action else {
                return fail(location, column, "\(text) names an action signal: an aspect needs a dissatisfaction or success signal")
            }
            if let judgement, lexicon.classes[judgement] == nil {
                return fail(location, column, "unknown word class '@\(judgement)' in \(text) (the judgements it takes)")
            }
            return .aspect(id, judgement: judgement)
        }
        guard LexiconParser.isIdentifier(text) else {
            return fail(location, column, "invalid target '\(text)' (pos, neg, none, a signal id, topic:ID, rule:ROLE, aspect:SIGNAL[@CLASS] or issue:KIND)")
        }
        guard lexicon.signals[text] != nil else { return fail(location, column, "unknown signal '\(text)'") }
        return .signal(text)
    }

    private mutating func reportConflicts() {
        var polarityByPattern: [String: Int] = [:]  // normalized pattern -> index in `lexicon.entries`
        polarityByPattern.reserveCapacity(lexicon.entries.count)
        for (index, entry) in lexicon.entries.enumerated() {
            guard case let .polarity(p)? = entry.targets.first else { continue }
            if let previous = polarityByPattern.updateValue(index, forKey: entry.normalizedPattern) {
                let other = lexicon.entries[previous]
                if case let .polarity(q)? = other.targets.first, q != p {
                    warn(entry.location, 1, "conflicting polarity for '\(entry.pattern)': \(p.rawValue) here, \(q.rawValue) at \(other.location)")
                }
            }
        }
    }

    private mutating func checkExamples() {
        for example in lexicon.examples {
            for e in example.expectations {
                switch e {
                case let .signal(id), let .noSignal(id):
                    if lexicon.signals[id] == nil { warn(example.location, 1, "example expects unknown signal '\(id)'") }
                case let .topic(id):
                    if lexicon.topics[id] == nil { warn(example.location, 1, "example expects unknown topic '\(id)'") }
                case .stance: break
                }
            }
        }
    }

    private mutating func fail(_ location: SourceLocation, _ column: Int, _ message: String) -> Target? {
        diagnostics.append(Diagnostic(file: location.file, line: location.line, column: column, severity: .error, message: message))
        return nil
    }

    private mutating func warn(_ location: SourceLocation, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: location.file, line: location.line, column: column, severity: .warning, message: message))
    }
}
