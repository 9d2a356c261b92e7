import Foundation
import Testing
@testable import KoeKit

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("ＡＢＣ１２３", "abc123"),
        ("ｶﾞｷﾞｸﾞ", "ガギグ"),
        ("ｴﾗｰ", "エラー"),
        ("スーパ−", "スーパー"),
        ("ラーメン〜", "ラーメンー"),
        ("よろしく〜", "よろしく~"),
        ("㍻", "平成"),
        ("①", "1"),
        ("ＨＴＴＰＳ：／／Ｅｘａｍｐｌｅ．ｃｏｍ", "https://example.com"),
        ("か\u{3099}", "が"),
    ])
    func normalisesForMatching(input: String, expected: String) throws {
        #expect(try Normalizer.normalize(input) == expected)
    }

    /// The shortcut that skips ICU for text normalisation leaves alone: every unit it accepts
    /// is unchanged on its own and beside any other accepted unit (after katakana too, where
    /// dashes fold), checked against the full path.
    @Test func fixedPointShortcutAgreesWithICU() throws {
        let accepted = (UInt16(0)...UInt16(0xD7FF)).filter { Normalizer.isFixedPoint(String(decoding: [$0], as: UTF16.self)) }
        #expect(accepted.count > 20000)
        for u in accepted {
            #expect(try Normalizer.normalize(units: [u]).units == [u], "U+\(String(u, radix: 16))")
        }
        for u in accepted where u < 0x80 {
            #expect(try Normalizer.normalize(units: [0x30A2, u]).units == [0x30A2, u], "ア then U+\(String(u, radix: 16))")
        }
        var rng = SeededGenerator(seed: 7)
        let katakana = Array("アカサヲンー".utf16)
        for _ in 0..<20000 {
            let units = (0..<Int.random(in: 2...6, using: &rng)).map { k in
                k == 0 && Bool.random(using: &rng) ? katakana.randomElement(using: &rng)! : accepted.randomElement(using: &rng)!
            }
            #expect(try Normalizer.normalize(units: units).units == units, "\(units.map { String($0, radix: 16) })")
        }
        for rejected in ["A", "-", "~", "ｶ", "か\u{3099}", "㍻", "①", "〜", "Ａ", "\u{FEFF}"] {
            #expect(!Normalizer.isFixedPoint(rejected), "\(rejected)")
        }
    }

    @Test func isIdempotentOnRandomMixtures() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let text = rng.mixedJapanese(length: Int.random(in: 0...30, using: &rng))
            let once = try Normalizer.normalize(text)
            #expect(try Normalizer.normalize(once) == once, "not idempotent on \(text.debugDescription)")
        }
    }

    @Test func mapPointsBackIntoTheOriginal() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let original = Array(rng.mixedJapanese(length: Int.random(in: 1...30, using: &rng)).utf16)
            let (units, map) = try Normalizer.normalize(units: original)
            #expect(map.count == units.count + 1)
            #expect(map.last == Int32(original.count))
            #expect(zip(map, map.dropFirst()).allSatisfy { $0 <= $1 }, "map must be monotonic")
            // Every chunk of the original, normalised alone, gives exactly its normalised units.
            var i = 0
            while i < units.count {
                var j = i
                while j < units.count && map[j] == map[i] { j += 1 }
                let chunk = Array(original[Int(map[i])..<Int(map[j])])
                let alone = try Normalizer.normalize(units: chunk).units
                // The long-vowel fold looks at the previous character, so compare modulo dashes.
                #expect(
                    dashesFolded(alone) == dashesFolded(Array(units[i..<j])),
                    "chunk \(String(decoding: chunk, as: UTF16.self))")
                i = j
            }
        }
    }

    /// Against a reference: Foundation's NFKC, then koe's folds written out plainly (ASCII
    /// lower case, wave dashes to ~, dash-like characters after katakana to ー).
    @Test func isNFKCThenTheJapaneseFolds() throws {
        var rng = SeededGenerator(seed: 99)
        let extra = ["〜", "〰", "‐", "―", "−", "-", "~", "ア", "ー", "が", "か\u{3099}", "、", "「", "漢", "A", "ｱ", "\u{309B}", "〃", "\u{3000}"]
        for i in 0..<1500 {
            var text = rng.mixedJapanese(length: Int.random(in: 0...30, using: &rng))
            if i % 2 == 0 { for _ in 0..<5 { text += extra[Int.random(in: 0..<extra.count, using: &rng)] } }
            #expect(try Normalizer.normalize(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Every BMP unit, between neighbours it may or may not combine with (a sound mark, a
    /// combining accent, half-width kana, katakana before a dash), against the reference. Most
    /// units outside the common Japanese set take koe's one-unit-per-unit path (filled from
    /// ICU's data per block); this checks that path sends each unit that needs its context
    /// through ICU. Units and map are both checked: the map must stay monotonic and complete.
    @Test func everyBMPUnitInContextAgreesWithTheReference() throws {
        let before = ["", "ｶ", "a", "ア", "\u{3099}"], after = ["", "\u{3099}", "\u{0301}", "ﾞ", "-", "ｰ", "a"]
        var k = 0
        for u in UInt32(0x20)..<0xFFFE where !(0xD800...0xDFFF).contains(u) {
            k += 1
            let text = before[k % before.count] + String(Character(Unicode.Scalar(u)!)) + after[k % after.count]
            let original = Array(text.utf16)
            let (units, map) = try Normalizer.normalize(units: original)
            #expect(String(decoding: units, as: UTF16.self) == Self.reference(text), "U+\(String(u, radix: 16))")
            #expect(map.count == units.count + 1 && map.last == Int32(original.count), "U+\(String(u, radix: 16))")
            #expect(zip(map, map.dropFirst()).allSatisfy { $0 <= $1 }, "U+\(String(u, radix: 16))")
        }
    }

    /// Foundation's NFKC, then koe's folds written out plainly (ASCII lower case, wave dashes to
    /// ~, dash-like characters after katakana to ー).
    static func reference(_ text: String) -> String {
        var expected: [UInt16] = []
        for u in Self.nfkc(text).utf16 {
            var c = u
            if (0x41...0x5A).contains(c) { c += 32 }
            if c == 0x301C || c == 0x3030 { c = 0x7E }
            let afterKatakana = expected.last.map { (0x30A1...0x30FA).contains($0) || $0 == 0x30FC } ?? false
            if afterKatakana && (c == 0x2D || c == 0x7E || (0x2010...0x2015).contains(c) || c == 0x2212) { c = 0x30FC }
            expected.append(c)
        }
        return String(decoding: expected, as: UTF16.self)
    }

    /// NFKC by Foundation. On Linux it leaves a half-width voiced mark uncomposed (ﾄﾞ gives
    /// ト + U+3099), so canonical composition is applied once more.
    static func nfkc(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    private func dashesFolded(_ units: [UInt16]) -> [UInt16] {
        units.map { [0x2D, 0x7E, 0x30FC, 0x2212, 0x301C, 0xFF5E].contains($0) || (0x2010...0x2015).contains($0) ? 0x2D : $0 }
    }
}
