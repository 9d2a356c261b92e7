/// Labels texts: normalise, tokenise, match the lexicon, score clauses, aggregate. One per
/// thread (`copy()` for another); the compiled lexicon is shared.
public final class Classifier {
    public let lexicon: CompiledLexicon
    public let policy: ScoringPolicy
    let analyzer: TextAnalyzer
    var matcher: LexiconMatcher
    var scorer: Scorer

    public init(lexicon: CompiledLexicon, policy: ScoringPolicy = ScoringPolicy()) throws {
        self.lexicon = lexicon
        self.policy = policy
        analyzer = try TextAnalyzer(userWords: lexicon.userWords)
        matcher = LexiconMatcher(lexicon: lexicon)
        scorer = Scorer(lexicon: lexicon, policy: policy)
    }

    private init(lexicon: CompiledLexicon, policy: ScoringPolicy, analyzer: TextAnalyzer) {
        self.lexicon = lexicon
        self.policy = policy
        self.analyzer = analyzer
        matcher = LexiconMatcher(lexicon: lexicon)
        scorer = Scorer(lexicon: lexicon, policy: policy)
    }

    public func copy() throws -> Classifier {
        Classifier(lexicon: lexicon, policy: policy, analyzer: try analyzer.copy())
    }

    /// Classifies UTF-8 text (ill-formed sequences become U+FFFD).
    public func classify(utf8: UnsafeBufferPointer<UInt8>) throws -> Classification {
        try analyzer.analyze(utf8: utf8)
        matcher.match(analyzer)
        scorer.score(matcher, text: analyzer.normalizedUnits)
        return aggregate()
    }

    public func classify(_ text: String) throws -> Classification {
        var text = text
        return try text.withUTF8 { try classify(utf8: $0) }
    }

    /// How many ill-formed UTF-8 sequences the last text had.
    public var lastSubstitutions: Int { analyzer.substitutions }

    private func aggregate() -> Classification {
        var positive = 0.0, negative = 0.0
        var polarityEvidence: [Evidence] = []
        // Per signal, in order of first appearance; mutated in place (no copy per evidence).
        var slot: [String: Int] = [:]
        var order: [(id: String, family: SignalFamily, strength: Double, conditional: Bool, evidence: [Evidence])] = []
        for c in scorer.contributions {
            if c.value > 0 { positive += c.value } else { negative -= c.value }
            let evidence = makeEvidence(c)
            guard let id = c.signal, let family = c.family else {
                polarityEvidence.append(evidence)
                continue
            }
            if let i = slot[id] {
                order[i].strength = max(order[i].strength, c.strength)
                order[i].conditional = order[i].conditional && c.conditional
                order[i].evidence.append(evidence)
            } else {
                slot[id] = order.count
                order.append((id, family, c.strength, c.conditional, [evidence]))
            }
        }
        let signals = order.map { s in
            SignalResult(id: s.id, family: s.family, strength: rounded(s.strength), conditional: s.conditional, evidence: s.evidence)
        }
        let (stance, dominant) = decideStance(positive: positive, negative: negative)
        return Classification(
            stance: stance, dominant: dominant, score: rounded(positive - negative), positive: rounded(positive),
            negative: rounded(negative), signals: signals, topic: decideTopic(), evidence: polarityEvidence)
    }

    func decideStance(positive: Double, negative: Double) -> (Stance, Stance?) {
        let net = positive - negative
        let strong = max(positive, negative), weak = min(positive, negative)
        if weak >= policy.mixedFloor && weak >= policy.mixedRatio * strong {
            return (.mixed, negative >= positive ? .dissatisfaction : .success)
        }
        if net >= policy.threshold { return (.success, .success) }
        if net <= -policy.negativeThreshold { return (.dissatisfaction, .dissatisfaction) }
        return (.neutral, nil)
    }

    private func decideTopic() -> String {
        var weights: [String: Double] = [:]
        for hit in matcher.topics {
            guard case let .topic(id) = lexicon.kinds[Int(hit.entry)] else { continue }
            weights[id, default: 0] += lexicon.entries[Int(hit.entry)].weight
        }
        let order = lexicon.topicOrder
        let best = weights.max { a, b in
            a.value != b.value ? a.value < b.value : (order[a.key] ?? .max, a.key) > (order[b.key] ?? .max, b.key)
        }
        return best?.key ?? (lexicon.lexicon.topics["general"] != nil ? "general" : "other")
    }

    private func makeEvidence(_ c: Contribution) -> Evidence {
        let entry = lexicon.entries[Int(c.hit.entry)]
        let start = analyzer.originalStart(c.hit.start), end = analyzer.originalEnd(c.hit.end)
        return Evidence(
            text: analyzer.originalString(from: start, to: end),
            start: Int(analyzer.scalarOffset(start)), end: Int(analyzer.scalarOffset(end)),
            entry: lexicon.locations[Int(c.hit.entry)], pattern: entry.pattern, contribution: rounded(c.value), rules: c.rules)
    }

    private func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
