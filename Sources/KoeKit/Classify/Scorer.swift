/// Applies the Japanese rules to the matched hits of one line: intensifiers, hedges and hearsay
/// (this file), negation and its scope (`Scorer+Negation.swift`), suggestions, requests and
/// procedures (`Scorer+Requests.swift`), and the sentence-wide rules — contrast, conditionals,
/// questions, sarcasm, counterfactuals (`Scorer+Sentences.swift`). Contributions stay sorted by
/// position and every rule looks only at a bounded window around itself, so a megabyte-long line
/// scores in linear time.
struct Scorer {
    let lexicon: CompiledLexicon
    let policy: ScoringPolicy
    var contributions: [Contribution] = []
    /// The rules applied to `contributions`.
    var log = RuleLog()
    var clauses = ClauseMap()
    /// Standalone contributions made while scanning, merged in afterwards to keep the order.
    var pending: [Contribution] = []
    /// How far back from a rule word a content word may start and still be in reach.
    let window: Int32 = 96
    /// Per-line scratch: scope bridges, and the sentence-wide rules by sentence.
    var bridges: [Hit] = []
    var sentences = SentenceRules()

    init(lexicon: CompiledLexicon, policy: ScoringPolicy) {
        self.lexicon = lexicon
        self.policy = policy
    }

    /// Scores the content hits of a line given its rule-word hits (both sorted by start).
    mutating func score(content: [Hit], rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        contributions.removeAll(keepingCapacity: true)
        log.removeAll()
        for hit in content {
            // A `none` line has done its work by winning the overlap: it adds nothing.
            if case .polarity(0) = lexicon.kinds[Int(hit.entry)] { continue }
            contributions.append(base(hit))
        }
        defer {
            applyCounterfactuals(text: text)
            applyProcedural(text: text)
            applyAspects(rules)
        }
        guard !rules.isEmpty else { return }
        // The table, not `role(of:)`: a method reference would copy the whole scorer.
        clauses.build(text: text, rules: rules, roleOf: lexicon.roleOf)
        applyNegation(rules, text: text)
        applySuggestions(rules, text: text)
        mergePending()
        applyModifiers(rules)
        applyMinorFaults(rules)
        applyHearsay(rules)
        applyCircumstances(rules)
        applyPast(rules, text: text)
        applyHandledCases(rules)
        applySentenceRules(rules, text: text)
        mergePending()
        applyAgentTurns(rules, text: text)
    }

    func role(of hit: Hit) -> RuleRole? { lexicon.roleOf[Int(hit.entry)] }

    private func base(_ hit: Hit) -> Contribution {
        let w = lexicon.weights[Int(hit.entry)]
        switch lexicon.kinds[Int(hit.entry)] {
        case let .polarity(sign):
            return Contribution(hit: hit, value: sign * w, strength: w)
        case let .signal(id, family):
            return Contribution(hit: hit, value: family.sign * w, signal: id, family: family, strength: w)
        default:
            return Contribution(hit: hit, value: 0, strength: 0)
        }
    }

    /// Index of the first contribution whose hit starts at or after `p`.
    func firstContribution(from p: Int32) -> Int {
        var lo = 0, hi = contributions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if contributions[mid].hit.start < p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Contributions that start within `window` before `p` (and before `p`).
    func indicesBefore(_ p: Int32) -> Range<Int> {
        firstContribution(from: p - window)..<firstContribution(from: p)
    }

    mutating func standalone(_ rule: Hit, value: Double, _ kind: AppliedRule.Kind, entry: Int32 = -1, request: Bool = false) {
        var c = Contribution(hit: rule, value: value, strength: abs(value), request: request)
        log.add(kind, entry: entry, to: &c)
        pending.append(c)
    }

    /// Records that `kind` (with the rule word `entry`, or -1) changed contribution `k`.
    mutating func addRule(_ kind: AppliedRule.Kind, entry: Int32 = -1, to k: Int) {
        log.add(kind, entry: entry, to: &contributions[k])
    }

    mutating func mergePending() {
        guard !pending.isEmpty else { return }
        contributions += pending
        pending.removeAll(keepingCapacity: true)
        contributions.sort { ($0.hit.start, $0.hit.end, $0.hit.entry) < ($1.hit.start, $1.hit.end, $1.hit.entry) }
    }

    /// What stands before a hearsay marker in its clause is reported, not felt: it weighs
    /// `policy.hearsay` and emits no signal (遅いとか言われてるけど…, 丁寧って評判だった).
    private mutating func applyHearsay(_ rules: [Hit]) {
        for rule in rules where role(of: rule) == .hearsay {
            let clause = clauses.clause(of: rule.start)
            for k in indicesBefore(rule.start) where contributions[k].hit.end <= rule.start
                && clauses.clause(of: contributions[k].hit.start) == clause {
                contributions[k].value *= policy.hearsay
                contributions[k].strength *= policy.hearsay
                contributions[k].signal = -1
                addRule(.hearsay, entry: rule.entry, to: k)
            }
        }
    }

    /// What the clause after a past marker says (以前は毎回待たされていた) is how things were.
    /// When something later in its sentence pulls the other way (…が、今はすぐつながる; inside the
    /// clause too: 以前は面倒だったから楽になった), or the sentence trails off after a contrast
    /// (昔は電話で30分待ちだったのに。: unlike now), the past side is only the background of a change:
    /// it weighs `policy.past` and emits no signal. Without such a turn a complaint stands
    /// (以前は毎回待たされていた), but praise whose sentence ends in the past tense
    /// (以前は使いやすかった, 前はもっと早かった) says things were better then: a decline, which
    /// counts against at `policy.decline` and emits no praise signal.
    private mutating func applyPast(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        for rule in rules where role(of: rule) == .past {
            let clause = clauses.clause(of: rule.start)
            let first = firstContribution(from: rule.end)
            var end = first, then = 0.0
            while end < contributions.count && clauses.clause(of: contributions[end].hit.start) == clause {
                if contributions[end].value * then < 0 { break }  // the clause itself turns
                then += contributions[end].value
                end += 1
            }
            guard then != 0 else { continue }
            // The turn must come in the same sentence: every rule stays inside its sentence, so a
            // long text classified a run of sentences at a time reads the same.
            let sentence = clauses.sentence(of: rule.start)
            var turns = false
            for c in contributions[end...] {
                if clauses.sentence(of: c.hit.start) != sentence { break }
                if c.value * then < 0 { turns = true; break }
            }
            if !turns {
                let scopeEnd = contributions[end - 1].hit.end
                turns = rules.contains {
                    role(of: $0) == .contrast && $0.start >= scopeEnd
                        && clauses.sentence(of: $0.start) == sentence && trails($0, sentence: sentence, text: text)
                }
            }
            guard turns else {
                if then > 0 { applyDecline(first..<end, rule: rule, sentence: sentence, text: text) }
                continue
            }
            for k in first..<end where contributions[k].value != 0 {
                contributions[k].pastComplaint = contributions[k].value < 0
                contributions[k].value *= policy.past
                contributions[k].strength *= policy.past
                contributions[k].signal = -1
                addRule(.past, entry: rule.entry, to: k)
            }
        }
    }

    /// Past praise with no turn after it (see `applyPast`): a decline when its sentence ends in
    /// the past tense proper (以前は良かったし今も満足しています goes on; 以前は良いと聞いている is
    /// no account of how things were). Praise after a contrast (…けど今も良い) already outweighs
    /// what stands before the contrast.
    private mutating func applyDecline(_ range: Range<Int>, rule: Hit, sentence: Int, text: UnsafeBufferPointer<UInt16>) {
        guard policy.decline != 0, let last = range.last else { return }
        // A pattern in parts may tell a change itself (面倒だった…{14}楽: 面倒だったから楽になった).
        guard contributions[range].allSatisfy({ lexicon.partCounts[Int($0.hit.entry)] == 1 }) else { return }
        let start = Int(contributions[last].hit.start)
        guard Self.endsInPast(from: start, sentenceEnd: clauses.sentenceEnds[sentence], text: text, strictly: true) else { return }
        for k in range where contributions[k].value > 0 {
            contributions[k].value = -contributions[k].value * policy.decline
            contributions[k].strength *= policy.decline
            contributions[k].signal = -1
            addRule(.decline, entry: rule.entry, to: k)
        }
    }

    /// Intensifiers and hedges scale the next content word of their clause. A hedged
    /// complaint stays a complaint (少し古い): hedges shrink negatives at most to
    /// `hedgedComplaint`.
    private mutating func applyModifiers(_ rules: [Hit]) {
        for rule in rules {
            let role = role(of: rule)
            guard role == .intensifier || role == .emphatic || role == .hedge else { continue }
            let i = firstContribution(from: rule.end)
            guard i < contributions.count else { continue }
            let target = contributions[i].hit
            guard target.start - rule.end <= policy.modifierReach,
                clauses.clause(of: target.start) == clauses.clause(of: rule.start) else { continue }
            let weight = lexicon.weights[Int(rule.entry)]
            var k = i
            while k < contributions.count && contributions[k].hit.start == target.start {
                if contributions[k].hit.end == target.end {
                    let factor = role == .hedge && contributions[k].value < 0
                        ? max(weight, policy.hedgedComplaint) : weight
                    contributions[k].value *= factor
                    contributions[k].strength *= factor
                    addRule(role == .hedge ? .hedge : .intensifier, entry: rule.entry, to: k)
                }
                k += 1
            }
        }
    }
}
