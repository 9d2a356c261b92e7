/// A case marker (について, の件で, の際) names the matter its sentence is about. When the
/// sentence then says only good things of how that matter was handled (誤配送の件で丁寧にお電話
/// をいただき感謝しています, 不具合について案内どおり更新したら解消した), the trouble it names is
/// the case, not a complaint: it weighs `policy.handledCase` and emits no signal. When anything
/// bad follows the marker (不具合の件で問い合わせたが返事がない), the sentence stands as written.
/// The rule stays inside its sentence, like every other.
extension Scorer {
    mutating func applyHandledCases(_ rules: [Hit]) {
        for rule in rules where role(of: rule) == .handledCase {
            let range = indices(ofSentence: clauses.sentence(of: rule.start))
            var praised = false, blamed = false, named = false
            for i in range {
                let c = contributions[i]
                if c.hit.end <= rule.start {
                    if c.value < 0 { named = true }
                } else if c.hit.start >= rule.end {
                    if c.value > 0 { praised = true } else if c.value < 0 { blamed = true }
                }
            }
            guard praised, !blamed, named else { continue }
            for k in range where contributions[k].hit.end <= rule.start && contributions[k].value < 0 {
                contributions[k].value *= policy.handledCase
                contributions[k].strength *= policy.handledCase
                contributions[k].signal = -1
                addRule(.handledCase, entry: rule.entry, to: k)
            }
        }
    }
}
