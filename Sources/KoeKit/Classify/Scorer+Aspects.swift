/// Aspect lines (`aspect:SIGNAL`): a thing that is judged (料金, 担当者, マニュアル) and a judgement
/// in its clause whose final sign, after every other rule, is the signal's (料金が高い, 料金も安く
/// ない → pricing_complaint; 担当者が親切 → agent_praise) make the text carry the signal. The
/// judgement already weighs in the stance, so the aspect adds no weight; a judgement that the
/// rules neutralised (hearsay, past, a question, a conditional, a circumstance, an agent's turn…)
/// triggers nothing, and an explicit line of the signal on the same span wins.
extension Scorer {
    /// Runs last, on the final contributions. Aspect words are matched with the rule words, so a
    /// line that has one has rule words: `clauses` and `sentences` describe it.
    mutating func applyAspects(_ rules: [Hit]) {
        guard lexicon.hasAspects else { return }
        for aspect in rules {
            guard case let .aspect(signal, family) = lexicon.kinds[Int(aspect.entry)] else { continue }
            guard let j = judgement(of: aspect, sign: family.sign, among: lexicon.aspectJudgements[aspect.entry]) else { continue }
            let judged = contributions[j]
            let lo = min(aspect.start, judged.hit.start), hi = max(aspect.end, judged.hit.end)
            // An explicit line of the signal on the span wins, and so does an aspect already read.
            let span = Hit(start: lo, end: hi, entry: -1)
            if contributions[firstContribution(from: lo - window)..<firstContribution(from: hi)].contains(where: {
                $0.signal == signal && $0.hit.overlaps(span)
            }) || readBefore(signal, clause: clauses.clause(of: aspect.start)) { continue }
            let strength = abs(judged.value) * lexicon.weights[Int(aspect.entry)]
            var c = Contribution(hit: aspect, value: 0, signal: signal, family: family, strength: strength)
            log.add(.aspect, entry: judged.hit.entry, to: &c)
            pending.append(c)
        }
        mergePending()
    }

    /// Whether an aspect read before in the clause already made `signal` (講師の先生が分かりやすい:
    /// one judgement, two names). `pending` is in text order and a clause ends where the first
    /// earlier aspect lies outside it, so a long line stays linear.
    private func readBefore(_ signal: Int32, clause: Int) -> Bool {
        var k = pending.count - 1
        while k >= 0 && clauses.clause(of: pending[k].hit.start) == clause {
            if pending[k].signal == signal { return true }
            k -= 1
        }
        return false
    }

    /// The first polarity contribution of `sign` after the aspect in its clause that still
    /// judges, among the entries of the aspect's judgement class when it has one (返信が雑で
    /// 遅い is a slow reply by 遅い, not by 雑): nil when there is none. An aspect line names the
    /// thing with its particle (料金が, 担当者さんは), which makes it what the predicate after it
    /// is about; a word before it
    /// (★1 雨の日に料金が…, 頼んでいないはずの…料金も) judges something else. (Measured against the
    /// aspect's sentence: the same held-out figures, dev signal F1 0.001 lower.)
    private func judgement(of aspect: Hit, sign: Double, among judgements: Set<Int32>?) -> Int? {
        let home = clauses.clause(of: aspect.start)
        for k in firstContribution(from: aspect.end)..<firstContribution(from: aspect.end + window) {
            let c = contributions[k]
            if c.value * sign > 0, isJudgement(c), judgements?.contains(c.hit.entry) ?? true,
                clauses.clause(of: c.hit.start) == home, judges(c)
            { return k }
        }
        return nil
    }

    /// A polarity word judges, unless its line names a problem (`issue:KIND`): 月額が2回請求
    /// された is a billing trouble, not a judgement of the price. (Signal lines of the family
    /// as judgements were measured: held-out signal F1 +0.001, dev −0.004 — they name their own
    /// signal and a second one misleads.)
    private func isJudgement(_ c: Contribution) -> Bool {
        guard case .polarity = lexicon.kinds[Int(c.hit.entry)] else { return false }
        return !lexicon.problemPhrases.contains(c.hit.entry)
    }

    /// Whether the rules left `c` a judgement of the writer's own: not asked (a rhetorical
    /// question asserts), not supposed, not reported, not background, not the agent's wording.
    private func judges(_ c: Contribution) -> Bool {
        var asked = false, rhetorical = false, neutralised = false
        log.forEach(of: c) { rule in
            switch rule.kind {
            case .question: asked = true
            case .rhetorical: rhetorical = true
            case .hypothetical, .conditional, .hearsay, .past, .decline, .handledCase, .circumstance, .agentTurn, .counterfactual,
                .procedural, .sarcasm, .trailingContrast:
                neutralised = true
            default: break
            }
        }
        if neutralised || (asked && !rhetorical) { return false }
        // A judgement after an if-clause of its sentence is a consequence supposed
        // (プランを変えたら料金が高くなる): polarity words carry no conditional mark of their own.
        let s = clauses.sentence(of: c.hit.start)
        return !sentences.conditionals.contains { $0.sentence == s && $0.hit.end <= c.hit.start }
    }
}
