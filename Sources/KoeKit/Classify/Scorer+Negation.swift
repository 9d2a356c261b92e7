/// Negation and its scope: what a negator, absence or inability negates, where its reach ends
/// (commas, another predicate, a て-form followed by a new predicate, a concessive), and the
/// cases that look negated but are not (rhetorical questions, 特に…ありません).
extension Scorer {
    /// A negator negates the nearest content word before it in the same clause; absence and
    /// inability do too, and count as complaints of their own when there is nothing to negate.
    mutating func applyNegation(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        bridges.removeAll(keepingCapacity: true)
        for rule in rules where role(of: rule) == .scopeBridge { bridges.append(rule) }
        for (index, rule) in rules.enumerated() {
            guard let role = role(of: rule), role == .negator || role == .doubleNegation
                || role == .absence || role == .presence || role == .inability else { continue }
            // Xしか…ない says "only X": X is not negated and nothing is missing (定型文しか返ってこない,
            // 感謝しかありません, 解約するしかない); a word between しか and the negator still is
            // (3件しか注文が入っていない).
            let only = role == .negator || role == .absence ? Scorer.restrictiveEnd(text, before: rule.start) : -1
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
                guard c.hit.end <= rule.start, c.hit.start >= only, !c.negated, rule.start - c.hit.end <= policy.negationReach,
                    clauses.clause(of: c.hit.start) == clause, !Scorer.endsInConcessive(text, at: c.hit.end),
                    !blocked(from: c.hit.end, to: rule.start, text: text, bridges: bridges),
                    !(c.hasSignal && c.family != .action && Scorer.asksWhich(text, phrase: c.hit, to: rule.start)) else { continue }
                nearest = max(nearest, c.hit.end)
            }
            if nearest < 0 && only >= 0 { continue }
            if role == .presence || nearest < 0 {
                switch role {
                case .absence where nearest < 0:
                    // 特に…ありません: nothing to report, not something missing.
                    if !Scorer.follows(Scorer.nothingInParticular, before: rule.start, in: text, within: 16) {
                        standalone(rule, value: -policy.absence, .absence)
                    }
                case .presence where nearest < 0: standalone(rule, value: policy.presence, .presence)
                case .inability: standalone(rule, value: -policy.inability, .inability)
                case .negator where nearest < 0:
                    if let adverb = emphaticAdverb(before: index, in: rules, text: text) {
                        standalone(rule, value: -policy.emphaticNegation, .emphaticNegation, entry: adverb)
                    }
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
                    contributions[k].negatorStart = rule.start
                }
                contributions[k].negated = true
            }
        }
    }

    /// The entry of an emphatic adverb (全然, 一向に) that ends at most `emphaticReach` units before
    /// the negator `rules[index]` in its clause, or nil. A negation that says "without" or "unless"
    /// (全く迷わずに, ことなく, 一切使わないで, なければ) asserts nothing missing, so it has none.
    func emphaticAdverb(before index: Int, in rules: [Hit], text: UnsafeBufferPointer<UInt16>) -> Int32? {
        let negator = rules[index]
        let last = text[Int(negator.end) - 1]
        // に で ば: ずに, ないで, なければ.
        if last == 0x306B || last == 0x3067 || last == 0x3070 { return nil }
        if negator.start >= 2 && text[Int(negator.start) - 2] == 0x3053 && text[Int(negator.start) - 1] == 0x3068 { return nil }  // こと
        let clause = clauses.clause(of: negator.start)
        var k = index - 1
        while k >= 0 {
            let r = rules[k]
            if negator.start - r.end > policy.emphaticReach { break }
            if r.end <= negator.start && role(of: r) == .emphatic && clauses.clause(of: r.start) == clause { return r.entry }
            k -= 1
        }
        return nil
    }

    /// The end of a restrictive しか ("only") at most `Scorer.restrictiveReach` units before `p` in
    /// its clause — not しかし, しかも, しかた(ない), しかる, nor たしか / 確か — or -1.
    static func restrictiveEnd(_ text: UnsafeBufferPointer<UInt16>, before p: Int32) -> Int32 {
        let shi: UInt16 = 0x3057, ka: UInt16 = 0x304B
        var q = Int(p) - 2
        while q >= 0 && Int(p) - q <= restrictiveReach {
            let u = text[q]
            if ClauseMap.endsSentence(u) || u == 0x3001 || u == 0x2C { return -1 }
            if u == shi && text[q + 1] == ka {
                let next = q + 2 < text.count ? text[q + 2] : 0
                let before = q > 0 ? text[q - 1] : 0
                if !notRestrictiveAfterShika.contains(next) && before != 0x305F && before != 0x78BA { return Int32(q + 2) }
            }
            q -= 1
        }
        return -1
    }

    /// How far before a negator a restrictive しか may stand (対応しか|してもらえない).
    static let restrictiveReach = 12

    /// Kana after しか that make it another word: し (しかし) も (しかも) た (しかたない) る (しかる).
    static let notRestrictiveAfterShika: Set<UInt16> = Set("しもたる".utf16)

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
            if ClauseMap.endsSentence(u) || u == 0x3001 { return false }
            q -= 1
        }
        return false
    }

    /// A complaint adjective negated at the end of a question asserts the complaint:
    /// しょぼくなってません？, 高くないですか — the negation is rhetorical. Only the く form of an
    /// adjective counts (問題ないですか asks, it does not complain).
    func isRhetorical(_ k: Int, negator: Hit, text: UnsafeBufferPointer<UInt16>) -> Bool {
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

    /// A negation does not reach back over a comma or an opening quote, nor over a phrase made a
    /// topic by の + は/が/も, nor over another predicate: kanji right
    /// after a predicate ending (く て で し り い る た だ), as in 埃があり使用せず, unless they
    /// belong to a scope bridge (思って, 予定). 〜の精神がない still negates. A negator that
    /// starts with kanji is a predicate of its own after て/で…: いい加減で出来なかった does
    /// not negate いい加減 (上手く出来ない, after く, does negate 上手). Nor over a て-form
    /// followed by a new argument.
    func blocked(from: Int32, to: Int32, text: UnsafeBufferPointer<UInt16>, bridges: [Hit]) -> Bool {
        // の + は/が/も turns the phrase into the topic of a new predicate (届かないのは変わらず,
        // 高いのが気にならない): a negation after it belongs to that predicate.
        if from + 1 < to && text[Int(from)] == 0x306E {
            let particle = text[Int(from) + 1]
            if particle == 0x306F || particle == 0x304C || particle == 0x3082 { return true }  // は が も
        }
        // After a て-form, a new argument (しょっぱくて量は飲めない) starts another predicate;
        // ては (満足してはいない) does not.
        if from < to && text[Int(from)] == 0x3066 && from + 2 < to
            && (Int(from) + 2..<Int(to)).contains(where: { Scorer.argumentParticles.contains(text[$0]) }) { return true }
        var p = from
        while p < to {
            let u = text[Int(p)]
            if u == 0x3001 || u == 0x2C { return true }
            // A negator inside a quotation that opens after the phrase is the quoted speaker's
            // (面倒そうに「分かりません」と言われた): it negates nothing outside the quote.
            if u == 0x300C || u == 0x300E { return true }
            // A て/で-form followed by another predicate hands the negation to that predicate
            // (急すぎて|ついていけない, 複雑で|なかなか覚えられない); an auxiliary after it does
            // not (してくれない, してもらえない, ていない, ではない).
            if (u == 0x3066 || u == 0x3067) && p + 1 < to && !Scorer.teAuxiliaryStarts.contains(text[Int(p) + 1]) { return true }
            // ても/でも is concessive: a new predicate after it takes the negation (30分待っても|呼ばれ
            // ない); only a bare auxiliary (使ってもいない) leaves it to the word before.
            if (u == 0x3066 || u == 0x3067) && p + 1 < to && text[Int(p) + 1] == 0x3082
                && (Int(p) + 2..<Int(to)).contains(where: { Kanji.contains(text[$0]) || (0x30A1...0x30FA).contains(text[$0]) }) { return true }
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

    /// Whether the text between `phrase` and a negator at `to` closes an embedded wh-question
    /// with a verb of knowing that the negator belongs to: 何度目か|分から|ない, 何日待たされたか
    /// |わかり|ません. What the question is about happened: it is not negated. A yes/no question
    /// (解約するかどうか分からない) has no question word and stays in doubt; only complaint and
    /// praise signals are spared: a judgement inside the question (何が良いのか分からない) stays
    /// as before, and so does an action signal (誰に聞けばよいのか分からない is labelled as
    /// the trouble of finding out, not as a how-to question).
    static func asksWhich(_ text: UnsafeBufferPointer<UInt16>, phrase: Hit, to: Int32) -> Bool {
        var p = Int(phrase.end)
        let end = Int(to)
        if p >= 1 && text[p - 1] == 0x304B {
            // The phrase holds its question particle (どうすればいいか).
            p -= 1
        } else {
            // Up to the question particle: a verb ending of at most four kana (…したか, …たのか,
            // …されたんだか).
            while p < end && p < Int(phrase.end) + 4 && text[p] != 0x304B && (0x3041...0x3093).contains(text[p]) { p += 1 }
            guard p < end, text[p] == 0x304B else { return false }  // か
        }
        let particle = p
        let tail = Array(UnsafeBufferPointer(rebasing: text[(particle + 1)..<end]))
        guard Scorer.knowingStems.contains(tail) else { return false }
        // A question word in the phrase or just before it.
        let from = max(0, Int(phrase.start) - 8)
        let before = Array(UnsafeBufferPointer(rebasing: text[from..<particle]))
        return Scorer.questionWords.contains { word in
            before.count >= word.count && (0...(before.count - word.count)).contains { Array(before[$0..<($0 + word.count)]) == word }
        }
    }

    /// 何 (何度, 何日, 何が), なん, いつ, どう, どこ, どれ, どの, 誰, だれ, なぜ, いくら.
    static let questionWords: [[UInt16]] = ["何", "なん", "いつ", "どう", "どこ", "どれ", "どの", "誰", "だれ", "なぜ", "いくら"].map { Array($0.utf16) }

    /// Verbs of knowing as they stand before a negator: 分から|ない, わかり|ません, 知ら|ない, 覚えて|いない.
    static let knowingStems: Set<[UInt16]> = Set(
        ["分から", "わから", "判ら", "解ら", "分かり", "わかり", "判り", "分かん", "わかん", "知ら", "しら", "知り", "しり",
         "覚えて", "覚えてい", "おぼえて", "おぼえてい", "分かって", "わかって", "分かってい", "わかってい", "見当がつか", "見当もつか"]
            .map { Array($0.utf16) })

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
    mutating func negate(_ k: Int, by entry: Int32) {
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
}
