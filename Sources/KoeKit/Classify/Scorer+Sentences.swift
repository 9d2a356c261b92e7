/// The rules that act on whole sentences: contrast (the later clause weighs more), trailing
/// contrast (良かったのですが…), conditionals, questions, sarcasm.
extension Scorer {
    mutating func applySentenceRules(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        sentences.reset(count: clauses.sentenceEnds.count)
        for rule in rules {
            let s = clauses.sentence(of: rule.start)
            switch role(of: rule) {
            case .contrast?: if (sentences.lastContrast[s]?.start ?? -1) < rule.start { sentences.lastContrast[s] = rule }
            case .conditional?:
                guard !Scorer.isTemporal(rule, sentenceEnd: clauses.sentenceEnds[s], text: text) else { continue }
                sentences.conditionals.append((s, rule))
            case .question?: sentences.question[s] = true
            case .sarcasm?: if sentences.sarcasm[s] == nil { sentences.sarcasm[s] = rule }
            default: continue
            }
            sentences.any = true
        }
        guard sentences.any else { return }
        var firstConditional = 0  // contributions and conditionals are both in text order
        for i in contributions.indices {
            let h = contributions[i].hit
            let s = clauses.sentence(of: h.start)
            if let contrast = sentences.lastContrast[s] {
                let after = h.start >= contrast.end
                scale(i, by: after ? policy.afterContrast : policy.beforeContrast, rule: after ? .contrastAfter : .contrastBefore)
            }
            while firstConditional < sentences.conditionals.count && sentences.conditionals[firstConditional].sentence < s {
                firstConditional += 1
            }
            var k = firstConditional, hypothetical = false, consequence = false
            while k < sentences.conditionals.count && sentences.conditionals[k].sentence == s {
                let q = sentences.conditionals[k].hit
                if h.start < q.start && h.end <= q.end {
                    // A clause closed by a contrast before the if-clause is stated
                    // (昨日も問い合わせてるんですけど、|担当が変わったら…ですか).
                    guard clauses.clause(of: h.start) == clauses.clause(of: q.start) else {
                        k += 1
                        continue
                    }
                    // A signal in the if-clause (解約したら, 遅けれ|ば: it may end inside the
                    // ending) is as conditional as one after it.
                    scale(i, by: policy.hypothetical, rule: .hypothetical)
                    if contributions[i].hasSignal { contributions[i].conditional = true }
                    hypothetical = true
                } else {
                    // What follows the if-clause in the last clause of a question is asked about
                    // (解約したらデータは消えますか); a clause closed by けど before the question is
                    // stated (アプデしたら受け取れなくなってるけど、これ私だけ？).
                    if h.start >= q.end && clauses.clause(of: h.start) == clauses.clause(of: clauses.sentenceEnds[s] - 1) {
                        consequence = true
                    }
                    if contributions[i].hasSignal {
                        contributions[i].conditional = true
                        contributions[i].value *= policy.conditional
                        addRule(.conditional, entry: q.entry, to: i)
                    }
                }
                k += 1
            }
            if sentences.question[s] {
                if hypothetical || consequence {
                    // 削除したらどうなりますか asks about a case, and 解約したらデータは消えますか about
                    // what follows from it: it announces nothing.
                    contributions[i].value = 0
                    if contributions[i].family != .action { contributions[i].signal = -1 }
                } else {
                    contributions[i].value *= contributions[i].value < 0 ? policy.negativeQuestion : policy.question
                }
                addRule(.question, to: i)
            }
        }
        for s in 0..<sentences.sarcasm.count {
            if let cue = sentences.sarcasm[s] { applySarcasm(cue, sentence: s, text: text) }
        }
        for s in 0..<sentences.lastContrast.count {
            guard let contrast = sentences.lastContrast[s] else { continue }
            if trails(contrast, sentence: s, text: text) {
                applyTrailingContrast(contrast, sentence: s)
            } else if lexicon.weights[Int(contrast.entry)] > 1 && !indices(ofSentence: s).contains(where: { contributions[$0].value != 0 }) {
                // 依頼したのに簡易包装で届いた: a marker of a broken expectation (weight 2 in
                // contrast.tsv) between two plain facts is the complaint.
                standalone(contrast, value: -policy.brokenExpectation, .brokenExpectation)
            }
        }
    }

    /// A complaint or wish that ends in a conditional (もう少し安けれ|ば, 対応が早かっ|たら) makes the
    /// praise after it in its sentence counterfactual: 「安ければ友達にも勧めたい」 says the price keeps
    /// them from recommending. That praise weighs nothing and emits no signal.
    mutating func applyCounterfactuals(text: UnsafeBufferPointer<UInt16>) {
        var i = 0
        while i < contributions.count {
            let c = contributions[i]
            guard c.value < 0, Scorer.endsInConditional(text, at: c.hit.end) else {
                i += 1
                continue
            }
            var k = i + 1
            while k < contributions.count && !Scorer.endsSentence(text, from: c.hit.end, to: contributions[k].hit.start) {
                if contributions[k].hit.start >= c.hit.end && contributions[k].value > 0 {
                    contributions[k].value = 0
                    contributions[k].signal = -1
                    addRule(.counterfactual, to: k)
                }
                k += 1
            }
            i += 1
        }
    }

    /// Kana after たら/だら/なら that make it another word: け (だらけ) し (だらしない) な ず で (ならない,
    /// ならず, ならでは) べ (ならべる).
    static let notConditionalAfterRa: Set<UInt16> = Set("けしなずでべ".utf16)

    /// Whether 。 ! ? or a line break lies in `text[from..<to]`.
    static func endsSentence(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        guard from < to else { return false }
        return (Int(from)..<Int(to)).contains { ClauseMap.endsSentence(text[$0]) }
    }

    /// Whether a conditional ending (ば, たら/だら, なら) ends at `end` or starts there:
    /// 安ければ|…, 安けれ|ば, 早かったら, 早かっ|たら, 丁寧|なら.
    static func endsInConditional(_ text: UnsafeBufferPointer<UInt16>, at end: Int32) -> Bool {
        let e = Int(end), n = text.count
        let ba: UInt16 = 0x3070, ta: UInt16 = 0x305F, da: UInt16 = 0x3060, ra: UInt16 = 0x3089, na: UInt16 = 0x306A
        // 強いて言えば / 欲を言えば introduce a remark; they are no condition.
        let ie: UInt16 = 0x3048, iu: UInt16 = 0x8A00, i: UInt16 = 0x3044
        if e >= 3 && text[e - 1] == ba && text[e - 2] == ie && (text[e - 3] == iu || text[e - 3] == i) { return false }
        if e >= 1 && text[e - 1] == ba { return true }
        if e < n && text[e] == ba { return true }
        if e >= 2 && (text[e - 2] == ta || text[e - 2] == da) && text[e - 1] == ra { return true }
        // たら/だら/なら starting here, but not だらけ, だらしない, ならない, ならず, ならでは.
        if e + 1 < n && (text[e] == ta || text[e] == da || text[e] == na) && text[e + 1] == ra {
            let next = e + 2 < n ? text[e + 2] : 0
            return !Scorer.notConditionalAfterRa.contains(next)
        }
        return false
    }

    private mutating func scale(_ i: Int, by factor: Double, rule: AppliedRule.Kind) {
        contributions[i].value *= factor
        contributions[i].strength *= factor
        addRule(rule, to: i)
    }

    /// The contributions of sentence `s` (they are sorted, so the sentence is one run).
    func indices(ofSentence s: Int) -> Range<Int> {
        let start = s > 0 ? clauses.sentenceEnds[s - 1] : 0
        return firstContribution(from: start)..<firstContribution(from: clauses.sentenceEnds[s])
    }

    /// Whether only punctuation follows `contrast` in its sentence: 美味しかったのですが…
    func trails(_ contrast: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) -> Bool {
        for p in Int(contrast.end)..<Int(clauses.sentenceEnds[s]) {
            let u = text[p]
            let punctuation = u < 0x80
                ? !(u >= 0x30 && u <= 0x39) && !(u >= 0x61 && u <= 0x7A) || u == 0x77
                : (0x3000...0x303F).contains(u) || (0x2000...0x206F).contains(u) || u == 0x30FB
            // Sentence-final particles trail off too: …だったのにね, …けどなぁ, 使えるんですけどね～
            if !punctuation && !Scorer.trailingParticles.contains(u) { return false }
        }
        return true
    }

    /// Sentence-final particles and their lengthening: ね な よ わ ぁ ぇ あ え ー ～ 〜 ｗ.
    static let trailingParticles: Set<UInt16> = Set("ねなよわぁぇあえー～〜ｗ".utf16)

    /// A sentence that trails off after a contrast (良かったのですが…) implies the complaint it
    /// leaves unsaid: the praise before it is taken back.
    private mutating func applyTrailingContrast(_ contrast: Hit, sentence s: Int) {
        var changed = false, hasNegative = false
        for i in indices(ofSentence: s) {
            // A past complaint before it (昔は30分待ちだったのに。) says things are better now.
            if contributions[i].value < 0 || contributions[i].pastComplaint { hasNegative = true }
            guard contributions[i].hit.end <= contrast.start && contributions[i].value > 0 else { continue }
            let weight = lexicon.weights[Int(contributions[i].hit.entry)]
            contributions[i].value = -weight * max(policy.trailingContrast, policy.threshold)
            contributions[i].signal = -1
            addRule(.trailingContrast, to: i)
            changed = true
        }
        if !changed && !hasNegative { standalone(contrast, value: -policy.trailingContrast, .trailingContrast) }
    }

    /// さすが + a failure or a count (今月3回目) is not praise.
    private mutating func applySarcasm(_ cue: Hit, sentence s: Int, text: UnsafeBufferPointer<UInt16>) {
        let range = indices(ofSentence: s)
        let hasNegative = range.contains { contributions[$0].value < 0 }
        let start = s > 0 ? clauses.sentenceEnds[s - 1] : 0
        guard hasNegative || Scorer.hasRepeatCount(text, from: start, to: clauses.sentenceEnds[s]) else { return }
        for i in range where contributions[i].value > 0 {
            contributions[i].value = 0
            contributions[i].signal = -1
            addRule(.sarcasm, to: i)
        }
        if !hasNegative { standalone(cue, value: -1, .sarcasm) }
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

/// The sentence-wide rule words of one line, by sentence index (buffers reused per line).
struct SentenceRules {
    /// Per sentence: its last contrast marker, its first sarcasm cue, whether it asks.
    var lastContrast: [Hit?] = []
    var sarcasm: [Hit?] = []
    var question: [Bool] = []
    /// Conditional endings in text order, with their sentence.
    var conditionals: [(sentence: Int, hit: Hit)] = []
    /// Whether the line has any of these.
    var any = false

    mutating func reset(count: Int) {
        lastContrast.reset(to: nil, count: count)
        sarcasm.reset(to: nil, count: count)
        question.reset(to: false, count: count)
        conditionals.removeAll(keepingCapacity: true)
        any = false
    }
}
