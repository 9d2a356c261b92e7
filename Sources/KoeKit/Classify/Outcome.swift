/// The labels of the last classified text as plain values — indices into the scorer's
/// contributions and the lexicon's tables, in reused buffers. Both `Classification` (the
/// API, with strings) and the JSON output are made from it, so they cannot disagree.
struct Outcome {
    /// One signal that fired, with its evidence as a chain of contribution indices.
    struct SignalSlot {
        var signal: Int32
        var family: SignalFamily
        var strength: Double
        /// True when every piece of evidence sits under a conditional.
        var conditional: Bool
        var first: Int32
        var last: Int32
    }

    /// `negative` is the complaints' sum plus `request`, the strongest request-made wish of the
    /// text (requests do not add up).
    var positive = 0.0, complaints = 0.0, request = 0.0
    var negative: Double { complaints + request }
    var stance: Stance = .neutral
    var dominant: Stance?
    /// Topic index, or nil for the default topic.
    var topic: Int32?
    /// Signals in order of first appearance.
    var signals: [SignalSlot] = []
    /// Contribution index -> next evidence of the same signal (-1: last).
    var next: [Int32] = []
    /// Contributions without a signal: polarity evidence.
    var polarity: [Int32] = []
    private var topicWeights: [Double] = []

    mutating func summarize(
        _ contributions: [Contribution], topics: [Hit], lexicon: CompiledLexicon, policy: ScoringPolicy
    ) {
        positive = 0
        complaints = 0
        request = 0
        signals.removeAll(keepingCapacity: true)
        polarity.removeAll(keepingCapacity: true)
        next.reset(to: -1, count: contributions.count)
        for (i, c) in contributions.enumerated() {
            if c.value > 0 { positive += c.value } else if c.request { request = max(request, -c.value) } else { complaints -= c.value }
            guard c.signal >= 0, let family = c.family else {
                polarity.append(Int32(i))
                continue
            }
            if let s = signals.firstIndex(where: { $0.signal == c.signal }) {
                signals[s].strength = max(signals[s].strength, c.strength)
                signals[s].conditional = signals[s].conditional && c.conditional
                next[Int(signals[s].last)] = Int32(i)
                signals[s].last = Int32(i)
            } else {
                signals.append(SignalSlot(
                    signal: c.signal, family: family, strength: c.strength, conditional: c.conditional,
                    first: Int32(i), last: Int32(i)))
            }
        }
        (stance, dominant) = Outcome.stance(positive: positive, negative: negative, policy: policy)
        topic = decideTopic(topics, lexicon: lexicon)
    }

    /// Calls `body` with each evidence contribution of `slot`, in text order.
    func forEachMember(of slot: SignalSlot, _ body: (Int32) -> Void) {
        var i = slot.first
        while i >= 0 {
            body(i)
            i = next[Int(i)]
        }
    }

    static func stance(positive: Double, negative: Double, policy: ScoringPolicy) -> (Stance, Stance?) {
        let net = positive - negative
        let strong = max(positive, negative), weak = min(positive, negative)
        if weak >= policy.mixedFloor && weak >= policy.mixedRatio * strong {
            return (.mixed, negative >= positive ? .dissatisfaction : .success)
        }
        if net >= policy.threshold { return (.success, .success) }
        if net <= -policy.negativeThreshold { return (.dissatisfaction, .dissatisfaction) }
        return (.neutral, nil)
    }

    /// The topic with the most weight; ties go to the topic declared first.
    private mutating func decideTopic(_ topics: [Hit], lexicon: CompiledLexicon) -> Int32? {
        guard !topics.isEmpty else { return lexicon.defaultTopic }
        // -infinity: no word of that topic matched.
        topicWeights.reset(to: -.infinity, count: lexicon.topicIDs.count)
        Outcome.addTopicWeights(of: topics, lexicon: lexicon, to: &topicWeights)
        return Outcome.heaviestTopic(topicWeights) ?? lexicon.defaultTopic
    }

    /// Adds the weight of each topic hit to its topic (-infinity: none of that topic yet).
    static func addTopicWeights(of topics: [Hit], lexicon: CompiledLexicon, to weights: inout [Double]) {
        for hit in topics {
            guard case let .topic(id) = lexicon.kinds[Int(hit.entry)] else { continue }
            let w = weights[Int(id)]
            weights[Int(id)] = (w == -.infinity ? 0 : w) + lexicon.weights[Int(hit.entry)]
        }
    }

    /// The topic with the most weight (ties: the one declared first); nil when none matched.
    static func heaviestTopic(_ weights: [Double]) -> Int32? {
        var best: Int32?
        for (k, w) in weights.enumerated() where w > -.infinity && (best == nil || w > weights[Int(best!)]) {
            best = Int32(k)
        }
        return best
    }

    /// The topic of a text when no topic word matched and the lexicons declare no `general`.
    static let otherTopic = "other"

    /// The topic id: `general` (or `other`) when no topic word matched.
    func topicID(_ lexicon: CompiledLexicon) -> String { topic.map { lexicon.topicIDs[Int($0)] } ?? Outcome.otherTopic }

    /// Scores and strengths are reported with two decimals.
    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
