/// Applies the Japanese rules to the matched hits of one line: negation scope, double and
/// pseudo negation, absence and inability, suggestions, intensifiers and hedges (this file),
/// and the sentence-wide rules — contrast, conditionals, questions, sarcasm
/// (`Scorer+Sentences.swift`). Contributions stay sorted by position and every rule looks
/// only at a bounded window around itself, so a megabyte-long line scores in linear time.
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
    private var bridges: [Hit] = []
    var sentences = SentenceRules()

    init(lexicon: CompiledLexicon, policy: ScoringPolicy) {
        self.lexicon = lexicon
        self.policy = policy
    }

    /// Scores the content hits of a line given its rule-word hits (both sorted by start).
    mutating func score(content: [Hit], rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        contributions.removeAll(keepingCapacity: true)
        log.removeAll()
        for hit in content { contributions.append(base(hit)) }
        guard !rules.isEmpty else { return }
        // The table, not `role(of:)`: a method reference would copy the whole scorer.
        clauses.build(text: text, rules: rules, roleOf: lexicon.roleOf)
        applyNegation(rules, text: text)
        applySuggestions(rules)
        mergePending()
        applyModifiers(rules)
        applySentenceRules(rules, text: text)
        mergePending()
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

    mutating func standalone(_ rule: Hit, value: Double, _ kind: AppliedRule.Kind) {
        var c = Contribution(hit: rule, value: value, strength: abs(value))
        log.add(kind, to: &c)
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

    /// A negator negates the nearest content word before it in the same clause; absence and
    /// inability do too, and count as complaints of their own when there is nothing to negate.
    private mutating func applyNegation(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        bridges.removeAll(keepingCapacity: true)
        for rule in rules where role(of: rule) == .scopeBridge { bridges.append(rule) }
        for rule in rules {
            guard let role = role(of: rule), role == .negator || role == .doubleNegation
                || role == .absence || role == .presence || role == .inability else { continue }
            let clause = clauses.clause(of: rule.start)
            var nearest: Int32 = -1
            for k in indicesBefore(rule.start) {
                let c = contributions[k]
                guard c.hit.end <= rule.start, !c.negated, rule.start - c.hit.end <= policy.negationReach,
                    clauses.clause(of: c.hit.start) == clause,
                    !blocked(from: c.hit.end, to: rule.start, text: text, bridges: bridges) else { continue }
                nearest = max(nearest, c.hit.end)
            }
            if role == .presence || nearest < 0 {
                switch role {
                case .absence where nearest < 0: standalone(rule, value: -policy.absence, .absence)
                case .presence where nearest < 0: standalone(rule, value: policy.presence, .presence)
                case .inability: standalone(rule, value: -policy.inability, .inability)
                default: break
                }
                continue
            }
            for k in indicesBefore(rule.start) where contributions[k].hit.end == nearest && !contributions[k].negated {
                if role == .doubleNegation {
                    contributions[k].value *= policy.doubleNegation
                    contributions[k].strength *= policy.doubleNegation
                    addRule(.doubleNegation, entry: rule.entry, to: k)
                } else {
                    negate(k, by: rule.entry)
                }
                contributions[k].negated = true
            }
        }
    }

    /// A negation does not reach back over a comma, nor over another predicate: kanji right
    /// after a predicate ending (く て で し り い る た だ), as in 埃があり使用せず, unless they
    /// belong to a scope bridge (思って, 予定). 〜の精神がない still negates.
    private func blocked(from: Int32, to: Int32, text: UnsafeBufferPointer<UInt16>, bridges: [Hit]) -> Bool {
        var p = from
        while p < to {
            let u = text[Int(p)]
            if u == 0x3001 || u == 0x2C { return true }
            let isKanji = (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u)
            if isKanji && p > from && Scorer.predicateEndings.contains(text[Int(p) - 1]) {
                guard let bridge = Scorer.hit(containing: p, in: bridges) else { return true }
                p = bridge.end
                continue
            }
            p += 1
        }
        return false
    }

    /// Kana that end a predicate (連用形・て形・終止形・連体形): く て で し り い る た だ.
    static let predicateEndings: Set<UInt16> = [0x304F, 0x3066, 0x3067, 0x3057, 0x308A, 0x3044, 0x308B, 0x305F, 0x3060]

    /// The hit of `sorted` (sorted by start, non-overlapping) that covers `p`.
    static func hit(containing p: Int32, in sorted: [Hit]) -> Hit? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].start <= p { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, sorted[lo - 1].end > p else { return nil }
        return sorted[lo - 1]
    }

    private mutating func negate(_ k: Int, by entry: Int32) {
        addRule(.negation, entry: entry, to: k)
        let weight = abs(contributions[k].strength)
        if let family = contributions[k].family {
            contributions[k].signal = -1
            contributions[k].value = family == .success ? -weight * policy.negatedPositive : 0
        } else if contributions[k].value > 0 {
            contributions[k].value = -weight * policy.negatedPositive
        } else {
            contributions[k].value = weight * policy.negatedNegative
        }
    }

    /// Praise inside a suggestion (あれば良かった, 方がいい) is a wish for something missing.
    private mutating func applySuggestions(_ rules: [Hit]) {
        for rule in rules where role(of: rule) == .suggestion {
            var changed = false, touched = false
            for k in firstContribution(from: rule.start - window)..<firstContribution(from: rule.end)
            where contributions[k].hit.overlaps(rule) {
                touched = true
                guard contributions[k].value > 0 else { continue }
                contributions[k].value = -abs(contributions[k].strength) * policy.suggestion
                contributions[k].signal = -1
                addRule(.suggestion, entry: rule.entry, to: k)
                changed = true
            }
            if !changed && !touched { standalone(rule, value: -policy.suggestion, .suggestion) }
        }
    }

    /// Intensifiers and hedges scale the next content word of their clause. A hedged
    /// complaint stays a complaint (少し古い): hedges shrink negatives at most to
    /// `hedgedComplaint`.
    private mutating func applyModifiers(_ rules: [Hit]) {
        for rule in rules {
            let role = role(of: rule)
            guard role == .intensifier || role == .hedge else { continue }
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
                    addRule(role == .intensifier ? .intensifier : .hedge, entry: rule.entry, to: k)
                }
                k += 1
            }
        }
    }
}
