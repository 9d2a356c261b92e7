/// Requests and procedures: praise wished for in a suggestion or request (早く直してください),
/// and churn or expansion phrases that a request spells out (解約したいです).
extension Scorer {
    /// A stance-bearing signal whose phrase is spelled out by a request or a how-to question
    /// (an action signal on an overlapping span or right after it, at most a verb ending between:
    /// 解約したい|です, 退会の方法を教えて, 来月で解約|したいとの連絡, 配送をお休み|する|ことはできますか)
    /// announces a procedure, not a verdict: it keeps its signal but weighs `policy.procedural`.
    mutating func applyProcedural(text: UnsafeBufferPointer<UInt16>) {
        var firstAction = 0
        for k in contributions.indices {
            // A conditional threat (こんな対応なら解約したい) is no procedure.
            guard contributions[k].hasSignal, let family = contributions[k].family, family != .action,
                contributions[k].value != 0, !contributions[k].conditional else { continue }
            let h = contributions[k].hit
            while firstAction < contributions.count && contributions[firstAction].hit.start < h.start - window { firstAction += 1 }
            var a = firstAction
            var framed = false
            while a < contributions.count && contributions[a].hit.start <= h.end + Scorer.verbEndingGap {
                let action = contributions[a]
                if action.family == .action && action.hasSignal
                    && (action.hit.overlaps(h) || Scorer.onlyVerbEnding(text, from: h.end, to: action.hit.start)) {
                    framed = true
                    break
                }
                a += 1
            }
            guard framed else { continue }
            contributions[k].value *= policy.procedural
            addRule(.procedural, to: k)
        }
    }

    /// How many units of a する ending (する, します, して) may stand between a phrase and the
    /// request that spells it out.
    static let verbEndingGap: Int32 = 3

    /// Whether `text[from..<to]` is empty or a する ending of at most `verbEndingGap` hiragana
    /// (not a connective: 間に合わない|ので|至急対応をお願いします stays a complaint).
    static func onlyVerbEnding(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        guard from < to else { return from == to }
        guard to - from <= verbEndingGap, text[Int(from)] == 0x3059 || text[Int(from)] == 0x3057 else { return false }  // す し
        return (Int(from)..<Int(to)).allSatisfy { (0x3041...0x3096).contains(text[$0]) }
    }

    /// Praise inside a suggestion (あれば良かった, 方がいい) or a request (早く直してください,
    /// 改善お願いします) is a wish for something missing, and so is praise shortly before it
    /// in its clause. The rule word's weight scales the complaint: a request is a mild one.
    mutating func applySuggestions(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        for rule in rules {
            let role = role(of: rule)
            guard role == .suggestion || (role == .imperative && Scorer.endsSentence(text, after: rule.end)) else { continue }
            var changed = false, touched = false
            let size = policy.suggestion * lexicon.weights[Int(rule.entry)]
            let request = lexicon.weights[Int(rule.entry)] < 1
            let clause = clauses.clause(of: rule.start)
            let range = firstContribution(from: rule.start - window)..<firstContribution(from: rule.end)
            // A suggestion that holds a signal of its own (どうしたらいい) reaches no further; one
            // that holds a plain praise or complaint word (といい, ば良かった, てほしい) still does:
            // きれいだといい wishes for きれい.
            // A request line that spells out a goal (…ようにしてください) holds no verdict: praise
            // right before its ように is the goal wished for (簡単にできるようにしてほしい).
            let holds = range.contains {
                contributions[$0].hit.overlaps(rule) && contributions[$0].hasSignal
                    && Scorer.goalLength(text, at: contributions[$0].hit.start, before: rule.start) == 0
            }
            for k in range {
                let h = contributions[k].hit
                // A signal phrase that spells out (part of) the request keeps its own meaning:
                // ぜひ試してほしい, 継続でお願い|いたします.
                if (h.start <= rule.start && h.end >= rule.end && h.length > rule.length)
                    || (contributions[k].hasSignal && h.start < rule.start && h.end > rule.start) {
                    touched = true
                    continue
                }
                let overlaps = h.overlaps(rule)
                // Reaching back, plain praise is a wish, and so is a praise signal made into a goal
                // (使いやすくしてほしい); 継続でお願いします stays a decision.
                guard overlaps || (!holds && h.end <= rule.start && rule.start - h.end <= policy.suggestionReach
                    && (!contributions[k].hasSignal || Scorer.makesIt(text, from: h.end, to: rule.start))
                    && clauses.clause(of: h.start) == clause && !Scorer.hasComma(text, from: h.end, to: rule.start))
                else { continue }
                if overlaps { touched = true }
                // A wish that is itself negated (直してほしい|点は|ありません: there is nothing
                // to wish for) stays negated: it is no request.
                if contributions[k].negatorStart >= rule.end { touched = true; continue }
                guard contributions[k].value > 0 else { continue }
                // A weak praise word wished for (改善お願いします) weighs at least the wish itself.
                contributions[k].value = -max(abs(contributions[k].strength), 1) * size
                contributions[k].signal = -1
                contributions[k].request = request
                addRule(.suggestion, entry: rule.entry, to: k)
                changed = true
            }
            if !changed && !touched { standalone(rule, value: -size, .suggestion, request: request) }
        }
    }

    /// Whether only a sentence-final particle, laughter or punctuation (よ, や, ー, ｗ, ！, 。)
    /// follows `p` up to the end of its sentence or the text: 直せ|よ！ ends there, 直せ|る does not.
    static func endsSentence(_ text: UnsafeBufferPointer<UInt16>, after p: Int32) -> Bool {
        var i = Int(p)
        while i < text.count {
            let u = text[i]
            if ClauseMap.endsSentence(u) || ClauseMap.emojiEnd(text, at: i) != nil { return true }
            guard Scorer.sentenceTail.contains(u) else { return false }
            i += 1
        }
        return true
    }

    /// よ や ー 〜 ～ w ｗ 草 … ‥ and spaces: what may trail a sentence-final imperative.
    static let sentenceTail: Set<UInt16> = Set("よやー〜～wｗW草…‥ 　".utf16)

    /// Whether the text between a word and a request makes it or has it become a goal: し / にし
    /// (〜くして, 〜にして) or なっ / になっ (〜くなって, 〜になって).
    static func makesIt(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        let n = Int(to - from), f = Int(from)
        let ni: UInt16 = 0x306B, shi: UInt16 = 0x3057, na: UInt16 = 0x306A, small: UInt16 = 0x3063
        // …できる|ように(し|なっ): the word is the goal of the request.
        let goal = goalLength(text, at: from, before: to)
        if goal > 0 { return from + goal == to || makesIt(text, from: from + goal, to: to) }
        switch n {
        case 1: return text[f] == shi
        case 2: return (text[f] == ni && text[f + 1] == shi) || (text[f] == na && text[f + 1] == small)
        case 3: return text[f] == ni && text[f + 1] == na && text[f + 2] == small
        default: return false
        }
    }

    /// The length of a goal marker ように at `p`, after at most two units (る|ように, める|ように),
    /// ending by `end`; 0 when there is none.
    static func goalLength(_ text: UnsafeBufferPointer<UInt16>, at p: Int32, before end: Int32) -> Int32 {
        let yo: UInt16 = 0x3088, u: UInt16 = 0x3046, ni: UInt16 = 0x306B
        for skip: Int32 in 0...2 where p + skip + 3 <= end {
            let s = Int(p + skip)
            if text[s] == yo && text[s + 1] == u && text[s + 2] == ni { return skip + 3 }
        }
        return 0
    }

    static func hasComma(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        (Int(from)..<Int(to)).contains { text[$0] == 0x3001 || text[$0] == 0x2C }
    }
}
