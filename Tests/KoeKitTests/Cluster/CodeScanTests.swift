import Testing
@testable import KoeKit

/// Versions and error codes are found on the normalised text's code units (no string, no
/// grapheme breaking); the result must be the Character walk's for any text.
@Suite struct CodeScanTests {
    static func unitsResult(_ text: String) -> [String] {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { Classifier.codes(inUnits: $0) }
    }

    @Test(arguments: [
        "エラーコードE1234が出ます。v5.2.1で発生", "バージョン 3.10.2 と ab-123", "3ds-402。e1001\r\nv2.1.",
        // An ASCII digit or letter inside a longer grapheme is no ASCII character.
        "1\u{301}23ab", "ab12\u{301}x", "x12\u{FE0F}3", "e10\u{200D}01", "ab\u{0600}12c", "v2.1\u{FF9E}",
        "E100\u{302A}2", "AB12🙂", "🙂AB12", "",
    ])
    func unitWalkFindsTheCharacterWalksCodes(text: String) {
        #expect(Self.unitsResult(text) == Classifier.codes(in: text))
    }

    @Test func randomTextsAgree() {
        let pool: [String] = ["a", "B", "v", "ver", "1", "2", "9", ".", "-", " ", "。", "エ", "ラ", "あ", "漢", "\u{301}",
                              "\u{FE0F}", "\u{200D}", "\u{0600}", "\u{FF9E}", "\u{3099}", "🙂", "\r\n", "Ａ", "１", "…", "→"]
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 24)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }.joined()
            #expect(Self.unitsResult(text) == Classifier.codes(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
