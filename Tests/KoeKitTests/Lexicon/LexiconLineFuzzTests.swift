import Testing
@testable import KoeKit

/// Random lexicon lines from a fixed seed, for every file kind: the parser never traps, every
/// diagnostic points inside the text, and every entry it keeps has a weight in range
/// (issue 16: a fuzz target per reader; the input readers' own belong to their issue).
@Suite struct LexiconLineFuzzTests {
    static let fragments: [String] = [
        "\t", "\t", "\t", "解約", "したい", "ログイン", "できません", "@cancel", "@", "|", "(", ")", "[", "]", "…", "…{3}",
        "<neg>", "<", ">", "churn_intent", "pos", "neg", "dissatisfaction", "1", "1.5", "0", "100", "1e19", "0x10", "-1",
        "inf", "nan", ".", ",", " ", "　", "#", "#>", "=>", "stance=success", "signal=", "adj-i", "v5", "-", "\u{FEFF}",
        "\r", "\u{0}", "\u{1B}", "\u{202E}", "😀", "👨‍👩‍👧", "ｱ", "゙", "a", "Z", "_", "{", "}", "*", "?",
    ]

    @Test func randomLinesNeverTrapAndPointInsideTheText() {
        var rng = SeededGenerator(seed: 0x1E71_C0_16)
        let kinds: [LexiconParser.FileKind] = [.signals, .topics, .words, .stopwords, .classes, .entries]
        for round in 0..<1500 {
            var text = ""
            let lineCount = Int.random(in: 1...4, using: &rng)
            for line in 0..<lineCount {
                for _ in 0..<Int.random(in: 0...12, using: &rng) {
                    text += Self.fragments[Int.random(in: 0..<Self.fragments.count, using: &rng)]
                }
                if line < lineCount - 1 { text += "\n" }
            }
            let kind = kinds[round % kinds.count]
            let parsed = LexiconParser.parse(text, file: "f.tsv", kind: kind)
            let lines = LexiconParser.lines(of: text)
            for d in parsed.diagnostics {
                #expect((1...lines.count).contains(d.line), "\(kind) \(text.debugDescription): \(d)")
                #expect(d.column >= 1 && d.column <= lines[d.line - 1].count + 1, "\(kind) \(text.debugDescription): \(d)")
            }
            for entry in parsed.entries {
                #expect(entry.weight.isFinite && (0...LexiconParser.maxWeight).contains(entry.weight))
            }
        }
    }
}
