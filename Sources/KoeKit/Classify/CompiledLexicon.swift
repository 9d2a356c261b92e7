/// A `Lexicon` compiled for matching: every entry's stems in one trie, plus the lookups the
/// scorer needs. Immutable and shared by all threads.
public final class CompiledLexicon: Sendable {
    struct KeyRef: Sendable {
        let entry: Int32
        let needsEndBoundary: Bool
    }

    public let lexicon: Lexicon
    let trie: UTF16Trie
    let keyRefs: [[KeyRef]]
    /// Entry index -> what kind of hit it produces (so the hot path never switches on strings).
    let kinds: [HitKind]
    let families: [String: SignalFamily]
    let topicOrder: [String: Int]
    public let userWords: UserWordList

    public init(_ lexicon: Lexicon) throws {
        self.lexicon = lexicon
        var keyIndex: [String: Int] = [:]
        var keys: [[UInt16]] = []
        var refs: [[KeyRef]] = []
        var kinds: [HitKind] = []
        var families: [String: SignalFamily] = [:]
        for s in lexicon.signals.values { families[s.id] = s.family }
        for (i, entry) in lexicon.entries.enumerated() {
            let target = entry.targets[0]
            kinds.append(HitKind(target, families: families))
            guard case let .success(stems) = entry.inflection.stems(of: entry.normalizedPattern) else { continue }
            for stem in stems {
                let ref = KeyRef(entry: Int32(i), needsEndBoundary: entry.inflection.needsEndBoundary)
                if let k = keyIndex[stem] {
                    refs[k].append(ref)
                } else {
                    keyIndex[stem] = keys.count
                    keys.append(Array(stem.utf16))
                    refs.append([ref])
                }
            }
        }
        trie = UTF16Trie(keys: keys)
        keyRefs = refs
        self.kinds = kinds
        self.families = families
        let topics = lexicon.topics.values.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        topicOrder = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, $0) })
        userWords = try UserWordList(words: lexicon.words)
    }

    public var entries: [LexiconEntry] { lexicon.entries }
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

    var isContent: Bool {
        switch self {
        case .polarity, .signal: true
        default: false
        }
    }
}
