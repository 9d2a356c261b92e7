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

    private func dashesFolded(_ units: [UInt16]) -> [UInt16] {
        units.map { [0x2D, 0x7E, 0x30FC, 0x2212, 0x301C, 0xFF5E].contains($0) || (0x2010...0x2015).contains($0) ? 0x2D : $0 }
    }
}
