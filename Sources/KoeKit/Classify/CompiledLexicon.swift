/// A `Lexicon` compiled for matching: every entry's stems in one trie, plus the lookups the
/// scorer needs. Immutable and shared by all threads.
public final class CompiledLexicon: Sendable {
    /// One entry a key stands for, in 8 bytes (the matcher reads one per match, from a table
    /// of about a megabyte): the entry, and its part numbers and flags packed in one word.
    /// The key table also stores each key's header in a slot of this shape (`KeyTable.Info`).
    struct KeyRef: Sendable {
        let entry: Int32
        /// Bits 0–12: part + 1; 13–25: partCount; 26–28: the flags.
        let bits: UInt32

        /// The most parts an entry may have (the packing's limit).
        static let maxParts = 0x1FFF - 1
        private static let partMask: UInt32 = 0x1FFF
        private static let endFlag: UInt32 = 1 << 26, freeFlag: UInt32 = 1 << 27, stemFlag: UInt32 = 1 << 28

        init(entry: Int32, needsEndBoundary: Bool, startsFreely: Bool, part: Int16, partCount: Int16, notAfterVerbStem: Bool) {
            precondition(part >= -1 && Int(part) < KeyRef.maxParts && partCount >= 0 && Int(partCount) <= KeyRef.maxParts)
            self.entry = entry
            bits = UInt32(part + 1) | UInt32(partCount) << 13 | (needsEndBoundary ? KeyRef.endFlag : 0)
                | (startsFreely ? KeyRef.freeFlag : 0) | (notAfterVerbStem ? KeyRef.stemFlag : 0)
        }

        /// A slot as stored (a ref or a key header).
        init(entry: Int32, bits: UInt32) {
            self.entry = entry
            self.bits = bits
        }

        var needsEndBoundary: Bool { bits & KeyRef.endFlag != 0 }
        /// Grammatical rule words (negators, question and conditional endings, contrast) may
        /// start inside an ICU token, because ICU glues them to the verb: しま|せん, 使った|ら.
        /// Every other entry must start a token.
        var startsFreely: Bool { bits & KeyRef.freeFlag != 0 }
        /// -1: the key matches the whole entry; else the gap-separated part it matches.
        var part: Int16 { Int16(truncatingIfNeeded: bits & KeyRef.partMask) - 1 }
        /// How many parts the entry has (1 for a whole entry).
        var partCount: Int16 { Int16(truncatingIfNeeded: bits >> 13 & KeyRef.partMask) }
        /// A kana verb (こまる) must not start as the second half of a compound verb: after a
        /// kanji and an i- or e-row kana, as in 引き|こまれ, it is part of that verb.
        var notAfterVerbStem: Bool { bits & KeyRef.stemFlag != 0 }

        static let none = KeyRef(
            entry: -1, needsEndBoundary: false, startsFreely: false, part: -1, partCount: 0, notAfterVerbStem: false)
    }

    /// The source lexicon (a cached compile builds it from the files' bytes when first asked
    /// for: classifying never needs it).
    public var lexicon: Lexicon { source.lexicon }
    let source: LexiconSource
    /// Every entry's stems, in one trie walked from every position of a line.
    let trie: UTF16Trie
    let keyRefs: KeyTable.Frozen
    /// How many distinct strings the trie indexes (expansions and conjugation stems).
    public let keyCount: Int
    /// Entry index -> layer (0 content, 1 topic, 2 rule word) and rule role, as plain values
    /// for the per-line loops (no strings to retain).
    let layerOf: [UInt8]
    let roleOf: [RuleRole?]
    /// Entry index -> the largest distance between its gap-separated parts (empty: no gaps).
    let gaps: [[Int32]]
    /// `gaps` flat, for the per-line chaining (no array to retain per entry): entry e's gaps
    /// are `gapValues[gapStart[e]..<gapStart[e + 1]]`.
    let gapStart: FrozenArray<Int32>
    let gapValues: FrozenArray<Int32>
    /// Entry index -> how many parts it has (1 for a plain entry).
    let partCounts: [Int16]
    /// Entry index -> `file:line`, built once instead of per evidence.
    let locations: [String]
    /// Entry index -> what kind of hit it produces (so the hot path never switches on strings).
    let kinds: [HitKind]
    /// Whether any entry is an aspect (`aspect:SIGNAL`): without one the aspect pass is skipped.
    let hasAspects: Bool
    /// Aspect entry -> the polarity entries that may judge it, for an aspect restricted to a
    /// judgement class (`aspect:SIGNAL@CLASS`): those that spell a word of the class. An aspect
    /// without a class is absent (any polarity word of its sign judges it).
    let aspectJudgements: [Int32: Set<Int32>]
    /// Entries whose line names a problem (`issue:KIND`, not the verdicts of `issue:none`): a
    /// trouble (月額が2回請求された) is no judgement of the thing for an aspect.
    let problemPhrases: Set<Int32>
    /// Entry index -> weight and pattern, as flat arrays (no entry struct to copy per hit).
    let weights: [Double]
    let patterns: [String]
    /// Entry index -> the digits its pattern spells before any pattern syntax (星1, 24時間):
    /// the trie folds every digit (`<num>`), so these are checked on each match.
    let exactDigits: [Int32: [ExactDigit]]
    /// Signal and topic indices (as used by `HitKind`) -> ids. Topics are in declaration
    /// order, which breaks ties between equally weighted topics.
    let signalIDs: [String]
    let topicIDs: [String]
    /// The topic of a text without topic words: `general` when declared, else nil (`other`).
    let defaultTopic: Int32?
    /// Pre-escaped JSON pieces for writing results without building strings per record.
    let json: JSONFragments
    public let userWords: UserWordList
    /// Normalised stopwords, for content terms.
    public let stopwords: Set<String>

    public init(_ lexicon: Lexicon) throws {
        source = LexiconSource(lexicon)
        var table = KeyTable()
        var kinds: [HitKind] = []
        let signals = lexicon.signals.values.sorted { $0.id < $1.id }
        let topics = lexicon.topics.values.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        var signalIndex = Dictionary(uniqueKeysWithValues: signals.enumerated().map { ($1.id, Int32($0)) })
        var topicIndex = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, Int32($0)) })
        var signalIDs = signals.map(\.id), topicIDs = topics.map(\.id)
        var families = signals.map(\.family)
        for entry in lexicon.entries {
            let target = entry.targets[0]
            switch target {
            case let .polarity(p): kinds.append(.polarity(p.sign))
            case let .signal(id):
                // An undeclared id (`koe lexicon check` reports it) still gets an index.
                if signalIndex[id] == nil {
                    signalIndex[id] = Int32(signalIDs.count)
                    signalIDs.append(id)
                    families.append(.action)
                }
                let k = signalIndex[id]!
                kinds.append(.signal(k, families[Int(k)]))
            case let .topic(id):
                if topicIndex[id] == nil {
                    topicIndex[id] = Int32(topicIDs.count)
                    topicIDs.append(id)
                }
                kinds.append(.topic(topicIndex[id]!))
            case let .rule(role): kinds.append(.rule(role))
            case let .aspect(id, _):
                // The builder resolved it: a declared signal of a judging family.
                let k = signalIndex[id] ?? -1
                kinds.append(k >= 0 ? .aspect(k, families[Int(k)]) : .polarity(0))
            }
        }
        if let entry = lexicon.entries.first(where: { $0.segments.count > KeyRef.maxParts }) {
            throw Diagnostic(
                file: entry.location.file, line: entry.location.line, severity: .error,
                message: "pattern has \(entry.segments.count) parts; at most \(KeyRef.maxParts) are supported")
        }
        table.add(KeyTable.batches(of: lexicon.entries))
        gaps = lexicon.entries.map { $0.gaps.map(Int32.init) }
        (gapStart, gapValues) = Self.flat(gaps)
        partCounts = lexicon.entries.map { Int16($0.segments.count) }
        let frozen: KeyTable.Frozen
        do {
            frozen = try table.frozen()
        } catch {
            throw Diagnostic(
                file: "lexicon", severity: .error,
                message: "one key stands for more than \(KeyTable.Info.maxWhole) entries or \(KeyTable.Info.maxFirst) first parts")
        }
        trie = frozen.trie
        keyCount = frozen.keyCount
        keyRefs = frozen
        layerOf = kinds.map { kind in
            switch kind {
            case .polarity, .signal: 0
            case .topic: 1
            // Aspects are matched with the rule words: a thing named (料金, マニュアル) then never
            // competes with the words that judge it (料金が高すぎる) nor with topic words, and
            // rule words are grammatical fragments that rarely overlap a noun.
            case .rule, .aspect: 2
            }
        }
        roleOf = kinds.map { kind in
            if case let .rule(role) = kind { return role }
            return nil
        }
        locations = lexicon.entries.map(\.location.description)
        self.kinds = kinds
        hasAspects = Self.hasAspects(kinds)
        aspectJudgements = JudgementClass.judgements(in: lexicon).judges
        problemPhrases = Set(lexicon.entries.indices.lazy.filter { e in
            lexicon.issueKinds[lexicon.entries[e].location.description].map { $0 != IssueVocabulary.verdictKind } ?? false
        }.map(Int32.init))
        weights = lexicon.entries.map(\.weight)
        patterns = lexicon.entries.map(\.pattern)
        exactDigits = ExactDigit.table(patterns)
        self.signalIDs = signalIDs
        self.topicIDs = topicIDs
        defaultTopic = topicIDs.firstIndex(of: "general").map(Int32.init)
        json = JSONFragments(
            locations: locations, patterns: patterns, signalIDs: signalIDs, families: families, topicIDs: topicIDs)
        userWords = try UserWordList(words: lexicon.words)
        stopwords = Set(try lexicon.stopwords.map { try Normalizer.normalize($0) })
    }

    /// A compile read back from the lexicon cache (`CompiledLexicon+Cache.swift`).
    init(stored s: Stored, source: LexiconSource) {
        self.source = source
        trie = s.keyRefs.trie
        keyRefs = s.keyRefs
        keyCount = s.keyRefs.keyCount
        layerOf = s.layerOf
        roleOf = s.roleOf
        gaps = s.gaps
        (gapStart, gapValues) = Self.flat(s.gaps)
        partCounts = s.partCounts
        locations = s.locations
        kinds = s.kinds
        hasAspects = Self.hasAspects(s.kinds)
        aspectJudgements = s.aspectJudgements
        problemPhrases = s.problemPhrases
        weights = s.weights
        patterns = s.patterns
        exactDigits = ExactDigit.table(s.patterns)
        signalIDs = s.signalIDs
        topicIDs = s.topicIDs
        defaultTopic = s.defaultTopic
        json = s.json
        userWords = s.userWords
        stopwords = s.stopwords
    }

    public var entries: [LexiconEntry] { lexicon.entries }

    static func hasAspects(_ kinds: [HitKind]) -> Bool {
        kinds.contains { if case .aspect = $0 { true } else { false } }
    }

    /// Nested arrays as one array of values and where each inner array starts (plus the end).
    static func flat(_ nested: [[Int32]]) -> (FrozenArray<Int32>, FrozenArray<Int32>) {
        var start: [Int32] = [0]
        start.reserveCapacity(nested.count + 1)
        for inner in nested { start.append(start[start.count - 1] + Int32(inner.count)) }
        return (FrozenArray(start), FrozenArray(nested.flatMap { $0 }))
    }

    static func startsFreely(_ target: Target) -> Bool {
        guard case let .rule(role) = target else { return false }
        switch role {
        case .negator, .doubleNegation, .pseudoNegation, .question, .conditional, .contrast, .absence, .presence,
            .inability, .suggestion, .scopeBridge, .hearsay, .past, .handledCase, .circumstance: return true
        default: return false
        }
    }

}

/// What a matched entry does, resolved once at compile time. Signals and topics are indices
/// into `CompiledLexicon.signalIDs` / `topicIDs`: plain values, nothing to retain per hit.
enum HitKind: Sendable, Equatable {
    case polarity(Double)                    // +1 / -1
    case signal(Int32, SignalFamily)
    case topic(Int32)
    case rule(RuleRole)
    /// A thing judged (`aspect:SIGNAL`): the signal index and its family.
    case aspect(Int32, SignalFamily)
}
