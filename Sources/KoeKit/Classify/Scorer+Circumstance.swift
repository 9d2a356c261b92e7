/// Circumstances (台風で欠航, カードを紛失): an event nobody is blamed for is what a request is
/// about, not a complaint. Words and signal phrases inside the span weigh nothing and emit no
/// signal; what follows it (…なのに全額請求された) scores as usual.
extension Scorer {
    mutating func applyCircumstances(_ rules: [Hit]) {
        for rule in rules where role(of: rule) == .circumstance {
            var k = firstContribution(from: rule.start)
            while k < contributions.count && contributions[k].hit.start < rule.end {
                if contributions[k].hit.end <= rule.end && contributions[k].value != 0 {
                    contributions[k].value = 0
                    contributions[k].signal = -1
                    addRule(.circumstance, entry: rule.entry, to: k)
                }
                k += 1
            }
        }
    }
}
