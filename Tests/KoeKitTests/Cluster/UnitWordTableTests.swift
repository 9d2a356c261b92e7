import Testing
@testable import KoeKit

/// Issue features look words up by normalised code units instead of `String`s: the lookups
/// must answer as the `String` sets and dictionaries they stand for.
@Suite struct UnitWordTableTests {
    /// `body` with `text`'s UTF-16 code units, as the analyser holds them.
    static func withUnits<R>(_ text: [UInt16], _ body: (UnsafeBufferPointer<UInt16>) -> R) -> R {
        text.withUnsafeBufferPointer(body)
    }

    @Test func findsAWordInsideALongerTextByItsSpanOnly() {
        let table = UnitWordTable([("在庫", "在庫数"), ("発送", "出荷"), ("𠮷野家", "吉野家")])
        let text = Array("昨日の在庫数と𠮷野家の発送".utf16)
        Self.withUnits(text) { units in
            #expect(table.value(units, 3..<5) == "在庫数")   // 在庫
            #expect(table.value(units, 3..<6) == nil)        // 在庫数: a longer span is another word
            #expect(table.value(units, 3..<4) == nil)        // 在: a prefix is no key
            #expect(table.value(units, 7..<11) == "吉野家")  // 𠮷 is two code units
            #expect(table.value(units, 12..<14) == "出荷")
            #expect(!table.contains(units, 0..<0))
        }
    }

    /// Many keys in a small table share slots; each is still found, and nothing else is.
    @Test func answersAsASetOfStringsForManyKeys() {
        let words = (0..<300).map { "語\($0)" } + ["ログイン", "ログ", "イン", "a", "ab"]
        let table = UnitWordTable(words.map { ($0, true) })
        let set = Set(words)
        // Absent words of the same length and first unit as keys land in their slots too.
        let absent = (300..<1000).map { "語\($0)" } + ["ログイ", "語-1", "b", "abc", "インログ"]
        for probe in words + absent {
            let units = Array(probe.utf16)
            let found = Self.withUnits(units) { table.contains($0, 0..<units.count) }
            #expect(found == set.contains(probe), "\(probe)")
        }
    }

    /// `isWord` over code units agrees with `isWord` over the string, lone surrogates included
    /// (the string repairs each to one U+FFFD).
    @Test func wordTestOnUnitsAgreesWithTheStringTest() {
        let cases: [[UInt16]] = [
            Array("在庫".utf16), Array("12".utf16), Array("ーー".utf16), Array("1ー".utf16), Array("3日".utf16),
            Array("a".utf16), Array("𠮷".utf16), Array("𠮷a".utf16), Array("ab".utf16), [],
            [0xD842], [0xD842, 0xD842], [0xDFB7, 0x31], [0x31, 0xDFB7], [0xD842, 0xD842, 0xDFB7], [0x31, 0x32, 0x30FC],
        ]
        for units in cases {
            let string = String(decoding: units, as: UTF16.self)
            let byUnits = Self.withUnits(units) { Classifier.isWord($0, 0..<units.count) }
            #expect(byUnits == Classifier.isWord(string), "\(units.map { String($0, radix: 16) })")
        }
    }
}
