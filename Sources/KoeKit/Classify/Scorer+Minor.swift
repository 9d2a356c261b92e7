/// Minor faults: a complaint named as the one small flaw of something liked (写真がない店が
/// あるのだけ残念, 欲を言えば画面が暗い, 唯一の不満は量が少ないこと).
extension Scorer {
    /// Each complaint of the marker's clause that ends at most `minorReach` units before it or
    /// starts at most that far after it weighs the marker's weight; it keeps its signal. A
    /// complaint is scaled once however many markers reach it; a word on the marker's own span
    /// (強いて言えば is itself a mild complaint) is not.
    mutating func applyMinorFaults(_ rules: [Hit]) {
        for rule in rules where role(of: rule) == .minor {
            let clause = clauses.clause(of: rule.start)
            let weight = lexicon.weights[Int(rule.entry)]
            let from = firstContribution(from: rule.start - window)
            var k = from
            while k < contributions.count && contributions[k].hit.start <= rule.end + policy.minorReach {
                let h = contributions[k].hit
                let near = (h.end <= rule.start && rule.start - h.end <= policy.minorReach)
                    || (h.start >= rule.end && h.start - rule.end <= policy.minorReach)
                if near && contributions[k].value < 0 && clauses.clause(of: h.start) == clause
                    && !log.contains(.minor, in: contributions[k]) {
                    contributions[k].value *= weight
                    contributions[k].strength *= weight
                    addRule(.minor, entry: rule.entry, to: k)
                }
                k += 1
            }
        }
    }
}
