/// Labels texts: normalise, tokenise, match the lexicon, score clauses, aggregate. One per
/// thread (`copy()` for another); the compiled lexicon is shared.
public final class Classifier {
    public let lexicon: CompiledLexicon
    public let policy: ScoringPolicy
    let analyzer: TextAnalyzer
    // Mutated for every line; a classifier is used by one thread at a time (one per worker),
    // so these skip the runtime exclusivity checks, as the analyzer's buffers do.
    @exclusivity(unchecked) var matcher: LexiconMatcher
    @exclusivity(unchecked) var scorer: Scorer
    @exclusivity(unchecked) var outcome = Outcome()
    /// Stopwords and synonyms for issue features, built on first use.
    lazy var issueVocabulary = IssueVocabulary(lexicon)

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
        try run(utf8)
        return classification()
    }

    public func classify(_ text: String) throws -> Classification {
        var text = text
        return try text.withUTF8 { try classify(utf8: $0) }
    }

    /// How many ill-formed UTF-8 sequences the last text had.
    public var lastSubstitutions: Int { analyzer.substitutions }

    /// Analyses, matches, scores and summarises one text into `outcome`.
    func run(_ utf8: UnsafeBufferPointer<UInt8>) throws {
        try analyzer.prepare(utf8: utf8)
        try matcher.match(analyzer)
        scorer.score(content: matcher.content, rules: matcher.rules, text: analyzer.normalizedUnits)
        outcome.summarize(scorer.contributions, topics: matcher.topics, lexicon: lexicon, policy: policy)
    }

    /// The last outcome as a `Classification` (strings and all).
    private func classification() -> Classification {
        let contributions = scorer.contributions
        let signals = outcome.signals.map { slot in
            var evidence: [Evidence] = []
            var omitted = 0
            outcome.forEachMember(of: slot) {
                if evidence.count < Self.evidenceLimit { evidence.append(makeEvidence(contributions[Int($0)])) } else { omitted += 1 }
            }
            return SignalResult(
                id: lexicon.signalIDs[Int(slot.signal)], family: slot.family, strength: Outcome.rounded(slot.strength),
                conditional: slot.conditional, evidence: evidence, evidenceOmitted: omitted)
        }
        let polarity = outcome.polarity.prefix(Self.evidenceLimit)
        return Classification(
            stance: outcome.stance, dominant: outcome.dominant, score: Outcome.rounded(outcome.positive - outcome.negative),
            positive: Outcome.rounded(outcome.positive), negative: Outcome.rounded(outcome.negative), signals: signals,
            topic: outcome.topicID(lexicon), evidence: polarity.map { makeEvidence(contributions[Int($0)]) },
            evidenceOmitted: outcome.polarity.count - polarity.count)
    }

    /// Each signal, and the polarity words, list at most this many pieces of evidence (the first
    /// in the text) and count the rest: a text that repeats one phrase a million times would
    /// otherwise be written out a million times.
    public static let evidenceLimit = 100

    private func makeEvidence(_ c: Contribution) -> Evidence {
        let start = analyzer.originalStart(c.hit.start), end = analyzer.originalEnd(c.hit.end)
        return Evidence(
            text: analyzer.originalString(from: start, to: end),
            start: Int(analyzer.scalarOffset(start)), end: Int(analyzer.scalarOffset(end)),
            entry: lexicon.locations[Int(c.hit.entry)], pattern: lexicon.patterns[Int(c.hit.entry)],
            contribution: Outcome.rounded(c.value), rules: scorer.log.names(of: c, patterns: lexicon.patterns),
            request: c.request)
    }
}
