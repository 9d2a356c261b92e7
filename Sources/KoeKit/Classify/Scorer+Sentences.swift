/// The rules that act on whole sentences: contrast (the later clause weighs more), trailing
/// contrast (良かったのですが…), conditionals, questions, sarcasm.
extension Scorer {
    mutating func applySentenceRules(_ matcher: LexiconMatcher, text: UnsafeBufferPointer<UInt16>) {
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
        guard !lastContrast.isEmpty || !conditionals.isEmpty || !questions.isEmpty || !sarcasm.isEmpty else { return }
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

    private mutating func scale(_ i: Int, by factor: Double, rule: String) {
        contributions[i].value *= factor
        contributions[i].strength *= factor
        contributions[i].rules.append(rule)
    }

    /// The contributions of sentence `s` (they are sorted, so the sentence is one run).
    private func indices(ofSentence s: Int) -> Range<Int> {
        let start = s > 0 ? clauses.sentenceEnds[s - 1] : 0
        return firstContribution(from: start)..<firstContribution(from: clauses.sentenceEnds[s])
    }

    /// Whether only punctuation follows `contrast` in its sentence: 美味しかったのですが…
    private func trails(_ contrast: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) -> Bool {
        for p in Int(contrast.end)..<Int(clauses.sentenceEnds[s]) {
            let u = text[p]
            let punctuation = u < 0x80
                ? !(u >= 0x30 && u <= 0x39) && !(u >= 0x61 && u <= 0x7A)
                : (0x3000...0x303F).contains(u) || (0x2000...0x206F).contains(u) || u == 0x30FB
            if !punctuation { return false }
        }
        return true
    }

    /// A sentence that trails off after a contrast (良かったのですが…) implies the complaint it
    /// leaves unsaid: the praise before it is taken back.
    private mutating func applyTrailingContrast(_ contrast: Hit, sentence s: Int) {
        var changed = false, hasNegative = false
        for i in indices(ofSentence: s) {
            if contributions[i].value < 0 { hasNegative = true }
            guard contributions[i].hit.end <= contrast.start && contributions[i].value > 0 else { continue }
            let weight = lexicon.entries[Int(contributions[i].hit.entry)].weight
            contributions[i].value = -weight * max(policy.trailingContrast, policy.threshold)
            contributions[i].signal = nil
            contributions[i].rules.append("trailing_contrast")
            changed = true
        }
        if !changed && !hasNegative { standalone(contrast, value: -policy.trailingContrast, "trailing_contrast") }
    }

    /// さすが + a failure or a count (今月3回目) is not praise.
    private mutating func applySarcasm(_ cue: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) {
        let range = indices(ofSentence: s)
        let hasNegative = range.contains { contributions[$0].value < 0 }
        let start = s > 0 ? clauses.sentenceEnds[s - 1] : 0
        guard hasNegative || Scorer.hasRepeatCount(text, from: start, to: clauses.sentenceEnds[s]) else { return }
        for i in range where contributions[i].value > 0 {
            contributions[i].value = 0
            contributions[i].signal = nil
            contributions[i].rules.append("sarcasm")
        }
        if !hasNegative { standalone(cue, value: -1, "sarcasm") }
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
