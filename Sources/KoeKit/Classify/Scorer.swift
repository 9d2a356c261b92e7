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
        defer {
            applyCounterfactuals(text: text)
            applyProcedural()
            countSpansOnce()
        }
        guard !rules.isEmpty else { return }
        // The table, not `role(of:)`: a method reference would copy the whole scorer.
        clauses.build(text: text, rules: rules, roleOf: lexicon.roleOf)
        applyNegation(rules, text: text)
        applySuggestions(rules, text: text)
        mergePending()
        applyModifiers(rules)
        applyHearsay(rules)
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

    /// One match counts once: several polarity lines on one span (楽しい, 楽しむ and 楽しめる all
    /// match 楽しめ) keep only the strongest of them, and so do several lines of one signal; the
    /// others leave the evidence. A signal and a polarity word on one span both count, as the
    /// lexicons intend. Same-span hits are adjacent (sorted by start, then entry).
    private mutating func countSpansOnce() {
        var i = 0, kept = 0
        while i < contributions.count {
            let h = contributions[i].hit
            var j = i + 1
            while j < contributions.count && contributions[j].hit.start == h.start && contributions[j].hit.end == h.end { j += 1 }
            for k in i..<j {
                // Dropped when another contribution of its kind on this span is stronger (the first wins ties).
                let loses = (i..<j).contains { m in
                    m != k && sameKind(k, m) && contributions[m].value != 0
                        && (abs(contributions[m].value) > abs(contributions[k].value)
                            || (abs(contributions[m].value) == abs(contributions[k].value) && m < k))
                }
                if !loses {
                    contributions[kept] = contributions[k]
                    kept += 1
                }
            }
            i = j
        }
        contributions.removeLast(contributions.count - kept)
    }

    /// A stance-bearing signal whose phrase is spelled out by a request or a how-to question
    /// (an action signal on an overlapping span or right after it: 解約したい|です, 退会の方法を
    /// 教えて, 来月で解約|したいとの連絡) announces a procedure, not a verdict: it keeps its signal
    /// but weighs `policy.procedural`.
    private mutating func applyProcedural() {
        var firstAction = 0
        for k in contributions.indices {
            // A conditional threat (こんな対応なら解約したい) is no procedure.
            guard contributions[k].hasSignal, let family = contributions[k].family, family != .action,
                contributions[k].value != 0, !contributions[k].conditional else { continue }
            let h = contributions[k].hit
            while firstAction < contributions.count && contributions[firstAction].hit.start < h.start - window { firstAction += 1 }
            var a = firstAction
            var framed = false
            while a < contributions.count && contributions[a].hit.start <= h.end {
                let action = contributions[a]
                if action.family == .action && action.hasSignal && (action.hit.overlaps(h) || action.hit.start == h.end) {
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

    /// Both polarity words, or both lines of the same signal.
    private func sameKind(_ a: Int, _ b: Int) -> Bool {
        switch (lexicon.kinds[Int(contributions[a].hit.entry)], lexicon.kinds[Int(contributions[b].hit.entry)]) {
        case (.polarity, .polarity): true
        case let (.signal(x, _), .signal(y, _)): x == y
        default: false
        }
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
            // A double negation whose first ない ends a content word (つまらなく|はない,
            // 勧めない|わけではない) negates that word once more: it is a plain negation of it.
            var inside = false
            if role == .doubleNegation {
                for k in indicesBefore(rule.start) where !contributions[k].negated
                    && contributions[k].hit.end > rule.start && contributions[k].hit.end < rule.end {
                    nearest = max(nearest, contributions[k].hit.end)
                    inside = true
                }
            }
            for k in indicesBefore(rule.start) where !inside {
                let c = contributions[k]
                guard c.hit.end <= rule.start, !c.negated, rule.start - c.hit.end <= policy.negationReach,
                    clauses.clause(of: c.hit.start) == clause, !Scorer.endsInConcessive(text, at: c.hit.end),
                    !blocked(from: c.hit.end, to: rule.start, text: text, bridges: bridges) else { continue }
                nearest = max(nearest, c.hit.end)
            }
            if role == .presence || nearest < 0 {
                switch role {
                case .absence where nearest < 0:
                    // 特に…ありません: nothing to report, not something missing.
                    if !Scorer.follows(Scorer.nothingInParticular, before: rule.start, in: text, within: 16) {
                        standalone(rule, value: -policy.absence, .absence)
                    }
                case .presence where nearest < 0: standalone(rule, value: policy.presence, .presence)
                case .inability: standalone(rule, value: -policy.inability, .inability)
                default: break
                }
                continue
            }
            for k in indicesBefore(rule.start) where contributions[k].hit.end == nearest && !contributions[k].negated {
                if role == .negator && isRhetorical(k, negator: rule, text: text) {
                    addRule(.rhetorical, entry: rule.entry, to: k)
                } else if role == .doubleNegation && !inside {
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

    /// 特に / とくに / 別に / べつに: with a bare absence, "nothing in particular".
    static let nothingInParticular: [[UInt16]] = ["特に", "とくに", "別に", "べつに"].map { Array($0.utf16) }

    /// Whether one of `words` ends at most `within` units before `p`, with no sentence or
    /// clause end (。！？!?、, or a line break) between.
    static func follows(_ words: [[UInt16]], before p: Int32, in text: UnsafeBufferPointer<UInt16>, within: Int) -> Bool {
        let end = Int(p), start = max(0, end - within)
        var q = end  // a word ending at q is checked before text[q - 1] is crossed
        while q > start {
            for w in words where q - w.count >= 0 && (0..<w.count).allSatisfy({ text[q - w.count + $0] == w[$0] }) { return true }
            let u = text[q - 1]
            if u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0x21 || u == 0x3F || u == 0x3001 || u == 0x0A { return false }
            q -= 1
        }
        return false
    }

    /// A complaint adjective negated at the end of a question asserts the complaint:
    /// しょぼくなってません？, 高くないですか — the negation is rhetorical. Only the く form of an
    /// adjective counts (問題ないですか asks, it does not complain).
    private func isRhetorical(_ k: Int, negator: Hit, text: UnsafeBufferPointer<UInt16>) -> Bool {
        let c = contributions[k]
        guard c.value < 0, !c.hasSignal, c.family == nil, text[Int(c.hit.end) - 1] == 0x304F else { return false }
        return Scorer.endsAsQuestion(text, from: negator.end)
    }

    /// Whether only question endings (です, でしょう, か, よね, ね, ？) follow `from` up to the end
    /// of its sentence, and the sentence asks (ends in か or a question mark).
    static func endsAsQuestion(_ text: UnsafeBufferPointer<UInt16>, from: Int32) -> Bool {
        // で す し ょ う か よ ね
        let endings: Set<UInt16> = [0x3067, 0x3059, 0x3057, 0x3087, 0x3046, 0x304B, 0x3088, 0x306D]
        var p = Int(from), asks = false
        while p < text.count && p - Int(from) <= 8 {
            let u = text[p]
            if u == 0xFF1F || u == 0x3F {
                return true
            }
            if u == 0x3002 || u == 0xFF01 || u == 0x21 || u == 0x0A || u == 0x20 || u == 0x3000 { return asks }
            guard endings.contains(u) else { return false }
            asks = asks || u == 0x304B
            p += 1
        }
        return p == text.count && asks
    }

    /// A negation does not reach back over a comma, nor over another predicate: kanji right
    /// after a predicate ending (く て で し り い る た だ), as in 埃があり使用せず, unless they
    /// belong to a scope bridge (思って, 予定). 〜の精神がない still negates. A negator that
    /// starts with kanji is a predicate of its own after て/で…: いい加減で出来なかった does
    /// not negate いい加減 (上手く出来ない, after く, does negate 上手). Nor over a て-form
    /// followed by a new argument.
    func blocked(from: Int32, to: Int32, text: UnsafeBufferPointer<UInt16>, bridges: [Hit]) -> Bool {
        // After a て-form, a new argument (しょっぱくて量は飲めない) starts another predicate;
        // ては (満足してはいない) does not.
        if from < to && text[Int(from)] == 0x3066 && from + 2 < to
            && (Int(from) + 2..<Int(to)).contains(where: { Scorer.argumentParticles.contains(text[$0]) }) { return true }
        var p = from
        while p < to {
            let u = text[Int(p)]
            if u == 0x3001 || u == 0x2C { return true }
            // A て/で-form followed by another predicate hands the negation to that predicate
            // (急すぎて|ついていけない, 複雑で|なかなか覚えられない); an auxiliary after it does
            // not (してくれない, してもらえない, ていない, ではない).
            if (u == 0x3066 || u == 0x3067) && p + 1 < to && !Scorer.teAuxiliaryStarts.contains(text[Int(p) + 1]) { return true }
            if Kanji.contains(u) && p > from && Scorer.predicateEndings.contains(text[Int(p) - 1]) {
                guard let bridge = Scorer.hit(containing: p, in: bridges) else { return true }
                p = bridge.end
                continue
            }
            p += 1
        }
        // 無い / 無し attach to nouns (やりがい無し), so only other kanji (出来ない) count here.
        if to > 0 && Int(to) < text.count && Kanji.contains(text[Int(to)]) && text[Int(to)] != 0x7121 {
            let before = text[Int(to) - 1]
            return before != 0x304F && Scorer.predicateEndings.contains(before)
        }
        return false
    }

    /// Whether a phrase ends in a concessive connective (ても, でも, のに, てから, けど): it closes its
    /// own clause, so a negator after it belongs to the next predicate — 一週間たっても|来ません is
    /// a complaint about the wait, not a negated wait.
    static func endsInConcessive(_ text: UnsafeBufferPointer<UInt16>, at end: Int32) -> Bool {
        let e = Int(end)
        guard e >= 2 else { return false }
        let (a, b) = (text[e - 2], text[e - 1])
        switch (a, b) {
        case (0x3066, 0x3082), (0x3067, 0x3082), (0x306E, 0x306B), (0x3051, 0x3069): return true  // ても でも のに けど
        case (0x304B, 0x3089): return e >= 3 && (text[e - 3] == 0x3066 || text[e - 3] == 0x3067)  // てから でから
        default: return false
        }
    }

    /// Kana that start an auxiliary after a て/で-form: は も い お く あ み し ほ (ては, ても,
    /// ている, ておく, てくれる, てある, てみる, てしまう, てほしい).
    static let teAuxiliaryStarts: Set<UInt16> = Set("はもいおくあみしほ".utf16)

    /// は を が: the particles that mark an argument of a new predicate.
    static let argumentParticles: Set<UInt16> = [0x306F, 0x3092, 0x304C]

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

    /// A negated complaint becomes weak praise, scaled by the negator's weight: 不具合がなく
    /// なった (it stopped) says more than 不具合はない.
    private mutating func negate(_ k: Int, by entry: Int32) {
        addRule(.negation, entry: entry, to: k)
        let weight = abs(contributions[k].strength)
        if let family = contributions[k].family {
            contributions[k].signal = -1
            contributions[k].value = family == .success ? -weight * policy.negatedPositive : 0
        } else if contributions[k].value > 0 {
            contributions[k].value = -weight * policy.negatedPositive
        } else {
            contributions[k].value = weight * policy.negatedNegative * lexicon.weights[Int(entry)]
        }
    }

    /// Praise inside a suggestion (あれば良かった, 方がいい) or a request (早く直してください,
    /// 改善お願いします) is a wish for something missing, and so is praise shortly before it
    /// in its clause. The rule word's weight scales the complaint: a request is a mild one.
    private mutating func applySuggestions(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        for rule in rules where role(of: rule) == .suggestion {
            var changed = false, touched = false
            let size = policy.suggestion * lexicon.weights[Int(rule.entry)]
            let clause = clauses.clause(of: rule.start)
            let range = firstContribution(from: rule.start - window)..<firstContribution(from: rule.end)
            // A suggestion that holds praise or a signal of its own (ばいい, どうしたらいい) reaches
            // no further; one that holds a plain complaint word (てほしい) still does.
            let holds = range.contains {
                contributions[$0].hit.overlaps(rule) && (contributions[$0].value > 0 || contributions[$0].hasSignal)
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
                guard contributions[k].value > 0 else { continue }
                // A weak praise word wished for (改善お願いします) weighs at least the wish itself.
                contributions[k].value = -max(abs(contributions[k].strength), 1) * size
                contributions[k].signal = -1
                addRule(.suggestion, entry: rule.entry, to: k)
                changed = true
            }
            if !changed && !touched { standalone(rule, value: -size, .suggestion) }
        }
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

    /// Whether the text between a word and a request is し or にし: 〜くして / 〜にして.
    static func makesIt(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        let n = Int(to - from), f = Int(from)
        return (n == 1 && text[f] == 0x3057) || (n == 2 && text[f] == 0x306B && text[f + 1] == 0x3057)
    }

    static func hasComma(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        (Int(from)..<Int(to)).contains { text[$0] == 0x3001 || text[$0] == 0x2C }
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
