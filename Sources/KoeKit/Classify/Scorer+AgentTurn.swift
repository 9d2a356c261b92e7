/// Chat transcripts (客：… 係：…): a sentence opened by an agent's turn marker is the company's
/// wording (ご利用ありがとうございます, 変更いただけます), not the customer's. Its words and signal
/// phrases weigh nothing and emit no signal. The rule stays inside the marker's sentence, like
/// every scoring rule (a long text is classified a run of sentences at a time).
extension Scorer {
    mutating func applyAgentTurns(_ rules: [Hit], text: UnsafeBufferPointer<UInt16>) {
        for rule in rules where role(of: rule) == .agentTurn {
            let s = clauses.sentence(of: rule.start)
            let start = s == 0 ? 0 : clauses.sentenceEnds[s - 1]
            // Only blanks, digits and brackets may stand before the marker ([10:02] 係：…);
            // a marker after words (…の担当係：) opens no turn.
            guard (Int(start)..<Int(rule.start)).allSatisfy({ Scorer.isTurnPrefix(text[$0]) }) else { continue }
            let end = clauses.sentenceEnds[s]
            var k = firstContribution(from: rule.start)
            while k < contributions.count && contributions[k].hit.start < end {
                if contributions[k].value != 0 || contributions[k].hasSignal {
                    contributions[k].value = 0
                    contributions[k].signal = -1
                    addRule(.agentTurn, entry: rule.entry, to: k)
                }
                k += 1
            }
        }
    }

    /// ASCII other than letters (spaces, digits, punctuation), the ideographic space and
    /// full-width brackets.
    static func isTurnPrefix(_ u: UInt16) -> Bool {
        if u < 0x80 { return !((0x41...0x5A).contains(u) || (0x61...0x7A).contains(u)) }
        return u == 0x3000 || (0x3008...0x3011).contains(u) || u == 0xFF3B || u == 0xFF3D || u == 0xFF08 || u == 0xFF09
    }
}
