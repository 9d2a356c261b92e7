/// A `Lexicon` compiled for matching: every entry's stems in one trie, plus the lookups the
/// scorer needs. Immutable and shared by all threads.
public final class CompiledLexicon: Sendable {
    struct KeyRef: Sendable {
        let entry: Int32
        let needsEndBoundary: Bool
    }

    public let lexicon: Lexicon
    let trie: UTF16Trie
    let keyRefs: KeyTable.Frozen
    /// Grammatical rule words (negators, question and conditional endings, contrast) that may
    /// start inside an ICU token, because ICU glues them to the verb: しま|せん, 使った|ら.
    let freeTrie: UTF16Trie
    let freeKeyRefs: KeyTable.Frozen
    /// Entry index -> layer (0 content, 1 topic, 2 rule word) and rule role, as plain values
    /// for the per-line loops (no strings to retain).
    let layerOf: [UInt8]
    let roleOf: [RuleRole?]
    /// Entry index -> `file:line`, built once instead of per evidence.
    let locations: [String]
    /// Entry index -> what kind of hit it produces (so the hot path never switches on strings).
    let kinds: [HitKind]
    let families: [String: SignalFamily]
    let topicOrder: [String: Int]
    public let userWords: UserWordList
    /// Normalised stopwords, for content terms.
    public let stopwords: Set<String>

    public init(_ lexicon: Lexicon) throws {
        self.lexicon = lexicon
        var bound = KeyTable(), free = KeyTable()
        var kinds: [HitKind] = []
        var families: [String: SignalFamily] = [:]
        for s in lexicon.signals.values { families[s.id] = s.family }
        for (i, entry) in lexicon.entries.enumerated() {
            let target = entry.targets[0]
            kinds.append(HitKind(target, families: families))
            guard case let .success(stems) = entry.inflection.stems(of: entry.normalizedPattern) else { continue }
            let startsFreely = CompiledLexicon.startsFreely(target) && entry.normalizedPattern.count >= 2
            for stem in stems {
                // Grammatical rule words are fragments of ICU tokens at both ends.
                let ref = KeyRef(entry: Int32(i), needsEndBoundary: entry.inflection.needsEndBoundary && !startsFreely)
                if startsFreely { free.add(stem, ref) } else { bound.add(stem, ref) }
            }
        }
        trie = UTF16Trie(keys: bound.keys)
        keyRefs = bound.frozen()
        freeTrie = UTF16Trie(keys: free.keys)
        freeKeyRefs = free.frozen()
        layerOf = kinds.map { kind in
            switch kind {
            case .polarity, .signal: 0
            case .topic: 1
            case .rule: 2
            }
        }
        roleOf = kinds.map { kind in
            if case let .rule(role) = kind { return role }
            return nil
        }
        locations = lexicon.entries.map(\.location.description)
        self.kinds = kinds
        self.families = families
        let topics = lexicon.topics.values.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        topicOrder = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, $0) })
        userWords = try UserWordList(words: lexicon.words)
        stopwords = Set(try lexicon.stopwords.map { try Normalizer.normalize($0) })
    }

    public var entries: [LexiconEntry] { lexicon.entries }

    static func startsFreely(_ target: Target) -> Bool {
        guard case let .rule(role) = target else { return false }
        switch role {
        case .negator, .doubleNegation, .pseudoNegation, .question, .conditional, .contrast, .absence, .presence,
            .inability, .suggestion, .scopeBridge: return true
        default: return false
        }
    }

    /// Unique keys with the entries each one stands for.
    struct KeyTable {
        var index: [String: Int] = [:]
        var keys: [[UInt16]] = []
        var refs: [[KeyRef]] = []

        /// The refs of key k are `refs[start[k]..<start[k + 1]]`: one flat array, so the
        /// matcher never retains an inner array per match.
        struct Frozen: Sendable {
            let start: [Int32]
            let refs: [KeyRef]
        }

        func frozen() -> Frozen {
            var start: [Int32] = [0]
            var flat: [KeyRef] = []
            for list in refs {
                flat += list
                start.append(Int32(flat.count))
            }
            return Frozen(start: start, refs: flat)
        }

        mutating func add(_ key: String, _ ref: KeyRef) {
            if let k = index[key] {
                refs[k].append(ref)
            } else {
                index[key] = keys.count
                keys.append(Array(key.utf16))
                refs.append([ref])
            }
        }
    }
}

/// What a matched entry does, resolved once at compile time.
enum HitKind: Sendable, Equatable {
    case polarity(Double)                    // +1 / -1
    case signal(String, SignalFamily)
    case topic(String)
    case rule(RuleRole)

    init(_ target: Target, families: [String: SignalFamily]) {
        switch target {
        case let .polarity(p): self = .polarity(p.sign)
        case let .signal(id): self = .signal(id, families[id] ?? .action)
        case let .topic(id): self = .topic(id)
        case let .rule(role): self = .rule(role)
        }
    }

}
