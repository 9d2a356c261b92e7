import Testing
@testable import KoeKit

@Suite struct KeyTableTests {
    /// The decoder the key table reads lexicon keys with, against the String's own UTF-16
    /// view: one-, two-, three- and four-byte characters (surrogate pairs), and random mixtures.
    @Test func decodesUTF16LikeTheStringView() {
        var rng = SeededGenerator(seed: 11)
        var texts = ["", "a", "é", "解約", "ｶﾞ", "😀", "a😀é解\u{10FFFF}\u{FFFF}\u{7F}\u{80}\u{7FF}\u{800}"]
        for _ in 0..<300 { texts.append(rng.mixedJapanese(length: Int.random(in: 0...20, using: &rng))) }
        for text in texts {
            var units: [UInt16] = []
            CompiledLexicon.KeyTable.forEachUTF16Unit(of: text) { units.append($0) }
            #expect(units == Array(text.utf16), "\(text.debugDescription)")
        }
    }
}
