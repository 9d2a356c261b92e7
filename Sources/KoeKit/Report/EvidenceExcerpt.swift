import Foundation

/// The sentence of a text that holds a piece of evidence, for quotes: a long e-mail is quoted
/// where its churn (or effort, or praise) sentence is, not at its greeting.
enum EvidenceExcerpt {
    /// Sentence ends: the terminator belongs to the sentence before it; a line break ends one too.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?", "\n", "\r": true
        default: false
        }
    }

    /// The sentence(s) covering scalar offsets `span` of `text`, trimmed, with … on each side
    /// where text was cut; the whole text when the span does not fit it.
    static func cut(_ text: String, around span: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        guard span.lowerBound >= 0, span.upperBound <= scalars.count, !span.isEmpty else { return text }
        var start = span.lowerBound
        while start > 0, !endsSentence(scalars[start - 1]) { start -= 1 }
        var end = span.upperBound
        while end < scalars.count, !endsSentence(scalars[end - 1]) { end += 1 }
        // Keep a run of terminators (。」, ！？) with the sentence.
        while end < scalars.count, endsSentence(scalars[end]), scalars[end] != "\n", scalars[end] != "\r" { end += 1 }
        let isBlank: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        var body = String(String.UnicodeScalarView(scalars[start..<end]))
        body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let cutBefore = !scalars[..<start].allSatisfy(isBlank)
        let cutAfter = !scalars[end...].allSatisfy(isBlank)
        return (cutBefore ? "…" : "") + body + (cutAfter ? "…" : "")
    }
}
