/// Applies the Japanese rules to the matched hits of one line: negation scope, double and
/// pseudo negation, contrast, conditionals, questions, intensifiers and hedges, sarcasm.
struct Scorer {
    let lexicon: CompiledLexicon
    let policy: ScoringPolicy
    private(set) var contributions: [Contribution] = []
    private var clauses = ClauseMap()

    init(lexicon: CompiledLexicon, policy: ScoringPolicy) {
        self.lexicon = lexicon
        self.policy = policy
    }

    mutating func score(_ matcher: LexiconMatcher, text: UnsafeBufferPointer<UInt16>) {
        contributions.removeAll(keepingCapacity: true)
        for hit in matcher.content { contributions.append(base(hit)) }
        guard !matcher.rules.isEmpty else { return }
        clauses.build(text: text, rules: matcher.rules, roleOf: matcher.role(of:))
        applyNegation(matcher, text: text)
        applySuggestions(matcher)
        applyModifiers(matcher)
        applySentenceRules(matcher, text: text)
    }

    private func base(_ hit: Hit) -> Contribution {
        let w = lexicon.entries[Int(hit.entry)].weight
        switch lexicon.kinds[Int(hit.entry)] {
        case let .polarity(sign):
            return Contribution(hit: hit, value: sign * w, strength: w)
        case let .signal(id, family):
            return Contribution(hit: hit, value: family.sign * w, signal: id, family: family, strength: w)
        default:
            return Contribution(hit: hit, value: 0, strength: 0)
        }
    }

    private func surface(_ hit: Hit, _ text: UnsafeBufferPointer<UInt16>) -> String {
        String(decoding: text[Int(hit.start)..<Int(hit.end)], as: UTF16.self)
    }

    /// A negator negates the nearest content word before it in the same clause.
    private mutating func applyNegation(_ matcher: LexiconMatcher, text: UnsafeBufferPointer<UInt16>) {
        let bridges = matcher.rules.filter { matcher.role(of: $0) == .scopeBridge }
        for rule in matcher.rules {
            let role = matcher.role(of: rule)
            guard let role, role == .negator || role == .doubleNegation || role == .absence || role == .presence
                || role == .inability else { continue }
            let clause = clauses.clause(of: rule.start)
            var nearest: Int32 = -1
            for c in contributions where c.hit.end <= rule.start && !c.negated
                && rule.start - c.hit.end <= policy.negationReach && clauses.clause(of: c.hit.start) == clause
                && !blocked(from: c.hit.end, to: rule.start, text: text, bridges: bridges) {
                nearest = max(nearest, c.hit.end)
            }
            if role == .presence || nearest < 0 {
                switch role {
                case .absence where nearest < 0: standalone(rule, value: -policy.absence, "absence")
                case .presence where nearest < 0: standalone(rule, value: policy.presence, "presence")
                case .inability: standalone(rule, value: -policy.inability, "inability")
                default: break
                }
                continue
            }
            let pattern = lexicon.entries[Int(rule.entry)].pattern
            for i in contributions.indices where contributions[i].hit.end == nearest && !contributions[i].negated {
                if role == .doubleNegation {
                    contributions[i].value *= policy.doubleNegation
                    contributions[i].strength *= policy.doubleNegation
                    contributions[i].rules.append("double_negation(\(pattern))")
                } else {
                    negate(&contributions[i], by: pattern)
                }
                contributions[i].negated = true
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
                guard let bridge = bridges.first(where: { $0.start <= p && p < $0.end }) else { return true }
                p = bridge.end
                continue
            }
            p += 1
        }
        return false
    }

    /// Kana that end a predicate (連用形・て形・終止形・連体形): く て で し り い る た だ.
    static let predicateEndings: Set<UInt16> = [0x304F, 0x3066, 0x3067, 0x3057, 0x308A, 0x3044, 0x308B, 0x305F, 0x3060]

    /// Praise inside a suggestion (あれば良かった, 方がいい) is a wish for something missing.
    private mutating func applySuggestions(_ matcher: LexiconMatcher) {
        for rule in matcher.rules where matcher.role(of: rule) == .suggestion {
            var changed = false
            for i in contributions.indices where contributions[i].hit.overlaps(rule) && contributions[i].value > 0 {
                let weight = abs(contributions[i].strength)
                contributions[i].value = -weight * policy.suggestion
                contributions[i].signal = nil
                contributions[i].rules.append("suggestion(\(lexicon.entries[Int(rule.entry)].pattern))")
                changed = true
            }
            if !changed && !contributions.contains(where: { $0.hit.overlaps(rule) }) {
                standalone(rule, value: -policy.suggestion, "suggestion")
            }
        }
    }

    /// A rule word that contributes on its own (absence / presence), as its own evidence.
    private mutating func standalone(_ rule: Hit, value: Double, _ name: String) {
        contributions.append(Contribution(hit: rule, value: value, strength: abs(value), rules: [name]))
    }

    private func negate(_ c: inout Contribution, by pattern: String) {
        c.rules.append("negation(\(pattern))")
        let weight = abs(c.strength)
        if let family = c.family {
            c.signal = nil
            c.value = family == .success ? -weight * policy.negatedPositive : 0
        } else if c.value > 0 {
            c.value = -weight * policy.negatedPositive
        } else {
            c.value = weight * policy.negatedNegative
        }
    }

    /// Intensifiers and hedges scale the next content word of their clause.
    private mutating func applyModifiers(_ matcher: LexiconMatcher) {
        for rule in matcher.rules {
            let role = matcher.role(of: rule)
            guard role == .intensifier || role == .hedge else { continue }
            let clause = clauses.clause(of: rule.start)
            guard let i = contributions.indices.first(where: {
                let h = contributions[$0].hit
                return h.start >= rule.end && h.start - rule.end <= policy.modifierReach && clauses.clause(of: h.start) == clause
            }) else { continue }
            let entry = lexicon.entries[Int(rule.entry)]
            let target = contributions[i].hit
            for k in contributions.indices where contributions[k].hit.start == target.start && contributions[k].hit.end == target.end {
                let factor = role == .hedge && contributions[k].value < 0 ? max(entry.weight, policy.hedgedComplaint) : entry.weight
                contributions[k].value *= factor
                contributions[k].strength *= factor
                contributions[k].rules.append("\(role == .intensifier ? "intensifier" : "hedge")(\(entry.pattern))")
            }
        }
    }

    /// Contrast, conditional, question and sarcasm act on whole sentences.
    private mutating func applySentenceRules(_ matcher: LexiconMatcher, text: UnsafeBufferPointer<UInt16>) {
        var lastContrast: [Int: Hit] = [:]
        var conditionals: [Int: [Hit]] = [:]
        var questions = Set<Int>()
        var sarcasm: [Int: Hit] = [:]
        for rule in matcher.rules {
            let s = clauses.sentence(of: rule.start)
            switch matcher.role(of: rule) {
            case .contrast?: if (lastContrast[s]?.start ?? -1) < rule.start { lastContrast[s] = rule }
            case .conditional?: conditionals[s, default: []].append(rule)
            case .question?: questions.insert(s)
            case .sarcasm?: if sarcasm[s] == nil { sarcasm[s] = rule }
            default: break
            }
        }
        for i in contributions.indices {
            let h = contributions[i].hit
            let s = clauses.sentence(of: h.start)
            if let contrast = lastContrast[s] {
                let after = h.start >= contrast.end
                scale(i, by: after ? policy.afterContrast : policy.beforeContrast, rule: after ? "contrast_after" : "contrast_before")
            }
            for q in conditionals[s] ?? [] {
                if h.end <= q.start {
                    scale(i, by: policy.hypothetical, rule: "hypothetical")
                } else if contributions[i].signal != nil {
                    contributions[i].conditional = true
                    contributions[i].value *= policy.conditional
                    contributions[i].rules.append("conditional(\(lexicon.entries[Int(q.entry)].pattern))")
                }
            }
            if questions.contains(s) {
                contributions[i].value *= contributions[i].value < 0 ? policy.negativeQuestion : policy.question
                contributions[i].rules.append("question")
            }
        }
        for (s, cue) in sarcasm.sorted(by: { $0.key < $1.key }) { applySarcasm(cue, sentence: s, text: text) }
        for (s, contrast) in lastContrast.sorted(by: { $0.key < $1.key }) where trails(contrast, sentence: s, text: text) {
            applyTrailingContrast(contrast, sentence: s)
        }
    }

    /// Whether only punctuation follows `contrast` in its sentence: 美味しかったのですが…
    private func trails(_ contrast: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) -> Bool {
        let end = Int(clauses.sentenceEnds[s])
        for p in Int(contrast.end)..<end {
            let u = text[p]
            let punctuation = u < 0x80 ? !(u >= 0x30 && u <= 0x39) && !(u >= 0x61 && u <= 0x7A) : (0x3000...0x303F).contains(u) || (0x2000...0x206F).contains(u) || u == 0x30FB
            if !punctuation { return false }
        }
        return true
    }

    /// A sentence that trails off after a contrast (良かったのですが…) implies the complaint it
    /// leaves unsaid: the praise before it is taken back.
    private mutating func applyTrailingContrast(_ contrast: Hit, sentence s: Int) {
        var changed = false
        for i in contributions.indices where clauses.sentence(of: contributions[i].hit.start) == s
            && contributions[i].hit.end <= contrast.start && contributions[i].value > 0 {
            let weight = lexicon.entries[Int(contributions[i].hit.entry)].weight
            contributions[i].value = -weight * max(policy.trailingContrast, policy.threshold)
            contributions[i].signal = nil
            contributions[i].rules.append("trailing_contrast")
            changed = true
        }
        if !changed && !contributions.contains(where: { clauses.sentence(of: $0.hit.start) == s && $0.value < 0 }) {
            standalone(contrast, value: -policy.trailingContrast, "trailing_contrast")
        }
    }

    private mutating func scale(_ i: Int, by factor: Double, rule: String) {
        contributions[i].value *= factor
        contributions[i].strength *= factor
        contributions[i].rules.append(rule)
    }

    /// さすが + a failure or a count (今月3回目) is not praise.
    private mutating func applySarcasm(_ cue: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) {
        let inSentence = contributions.indices.filter { clauses.sentence(of: contributions[$0].hit.start) == s }
        let hasNegative = inSentence.contains { contributions[$0].value < 0 }
        let start = s > 0 ? clauses.sentenceEnds[s - 1] : 0
        guard hasNegative || Scorer.hasRepeatCount(text, from: start, to: clauses.sentenceEnds[s]) else { return }
        for i in inSentence where contributions[i].value > 0 {
            contributions[i].value = 0
            contributions[i].signal = nil
            contributions[i].rules.append("sarcasm")
        }
        if !hasNegative {
            contributions.append(Contribution(hit: cue, value: -1, strength: 1, rules: ["sarcasm"]))
        }
    }

    /// A number followed by 回目 / 度目 / 回も / 度も / 回連続 (after normalisation, digits are ASCII).
    static func hasRepeatCount(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        let counters: Set<UInt16> = [0x56DE, 0x5EA6]  // 回 度
        let followers: Set<UInt16> = [0x76EE, 0x3082, 0x9023]  // 目 も 連
        let numerals: Set<UInt16> = [0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x4F55]
        let start = max(Int(from), 0) + 1, end = min(Int(to), text.count) - 1
        guard start < end else { return false }
        for i in start..<end where counters.contains(text[i]) && followers.contains(text[i + 1]) {
            let d = text[i - 1]
            if (d >= 0x30 && d <= 0x39) || numerals.contains(d) { return true }
        }
        return false
    }
}
