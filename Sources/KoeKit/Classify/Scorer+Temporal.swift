/// Temporal たら: 〜たら / 〜だら followed in its sentence by a past or resultative predicate tells
/// what happened when something was done (不具合を報告したら翌日には直っていた, 頼んだら袋が二重に
/// なってて), not what would happen. Such a clause is no condition: what it holds is stated.
extension Scorer {
    static func isTemporal(_ conditional: Hit, sentenceEnd: Int32, text: UnsafeBufferPointer<UInt16>) -> Bool {
        let start = Int(conditional.end)
        guard start >= 2, text[start - 1] == ra, text[start - 2] == ta || text[start - 2] == da else { return false }
        return endsInPast(from: start, sentenceEnd: sentenceEnd, text: text)
    }

    /// Whether the sentence ending at `sentenceEnd` ends, after `start`, on a past or (unless
    /// `strictly`) resultative predicate (final particles, punctuation, emoji and laughter
    /// aside), and not on a wish (良かった after たら is one). Strictly past: 良かった, でした, but
    /// not 満足しています.
    static func endsInPast(from start: Int, sentenceEnd: Int32, text: UnsafeBufferPointer<UInt16>, strictly: Bool = false) -> Bool {
        var end = min(Int(sentenceEnd), text.count)
        // Punctuation, emoji and laughter (草, 笑, w) after the predicate.
        while end > start, !isLetter(text[end - 1]) || laughter.contains(text[end - 1]) { end -= 1 }
        // Sentence-final particles: 直ってたよ, 届いたんだけど.
        var stripped = true
        while stripped {
            stripped = false
            for particle in finalParticles where hasSuffix(particle, text, start: start, end: end) {
                end -= particle.count
                stripped = true
                break
            }
        }
        if wishes.contains(where: { hasSuffix($0, text, start: start, end: end) }) { return false }
        return (strictly ? pastTenseEndings : pastEndings).contains { hasSuffix($0, text, start: start, end: end) }
    }

    private static let ra: UInt16 = 0x3089, ta: UInt16 = 0x305F, da: UInt16 = 0x3060

    /// Endings of a past or resultative predicate: 直った, 届いた, 読んだ, 消えてる, 来てて, 届いています.
    private static let pastEndings: [[UInt16]] = ["た", "んだ", "いだ", "てる", "でる", "てて", "でて", "ている", "でいる", "ています", "でいます"].map { Array($0.utf16) }
    /// Endings of the past tense proper (た, だ after ん or い: 読んだ, 泳いだ).
    private static let pastTenseEndings: [[UInt16]] = ["た", "んだ", "いだ"].map { Array($0.utf16) }
    /// A wish after たら is counterfactual, not temporal: 早く言ってくれたら良かった.
    private static let wishes: [[UInt16]] = ["良かった", "よかった", "いいのに", "良いのに"].map { Array($0.utf16) }
    private static let finalParticles: [[UInt16]] = ["けど", "よ", "ね", "わ", "な", "の", "さ", "ぞ", "ぜ", "し", "じゃん"].map { Array($0.utf16) }
    private static let laughter: Set<UInt16> = Set("草笑wｗW".utf16)

    private static func isLetter(_ u: UInt16) -> Bool {
        (0x3041...0x30FF).contains(u) || Kanji.contains(u) || (0xFF66...0xFF9F).contains(u)
            || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) || (0xFF21...0xFF5A).contains(u)
    }

    private static func hasSuffix(_ suffix: [UInt16], _ text: UnsafeBufferPointer<UInt16>, start: Int, end: Int) -> Bool {
        guard end - start >= suffix.count else { return false }
        var p = end - suffix.count
        for u in suffix {
            if text[p] != u { return false }
            p += 1
        }
        return true
    }
}
