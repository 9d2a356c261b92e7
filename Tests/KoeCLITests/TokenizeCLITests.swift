import Foundation
import Testing

@Suite struct TokenizeCLITests {
    @Test func printsOneLinePerInputLineAndRepairsInvalidUTF8() throws {
        let input = Data("ログインできません。\n\nabc".utf8) + Data([0xFF]) + Data("です\n".utf8)
        let r = try KoeRunner.run(["tokenize"], stdin: input)
        #expect(r.status == 0)
        #expect(r.lines == ["ログイン でき ませ ん 。", "", "abc \u{FFFD} です"])
        #expect(r.stderr.contains("<stdin>:3:4: warning: invalid UTF-8"))
    }

    /// Short units (the default) recut ICU's kana words by units.tsv; --units icu writes ICU's.
    @Test func shortUnitsByDefaultAndICUWordsOnRequest() throws {
        let input = Data("入ってしまいました\n".utf8)
        let short = try KoeRunner.run(["tokenize"], stdin: input)
        #expect(short.lines == ["入っ て しまい まし た"])
        let icu = try KoeRunner.run(["tokenize", "--units", "icu"], stdin: input)
        #expect(icu.status == 0)
        #expect(icu.lines != short.lines)
        #expect(icu.lines[0].replacingOccurrences(of: " ", with: "") == "入ってしまいました")
    }

    @Test func recutUnitsCarryOffsetsIntoTheOriginalLine() throws {
        let r = try KoeRunner.run(["tokenize", "--format", "jsonl"], stdin: Data("😀ｶﾞありました\n".utf8))
        let object = try JSONSerialization.jsonObject(with: Data(r.lines[0].utf8)) as? [String: Any]
        let tokens = try #require(object?["tokens"] as? [[String: Any]])
        let spans = tokens.map { "\($0["text"] as? String ?? "?")@\($0["start"] as? Int ?? -1)-\($0["end"] as? Int ?? -1)" }
        // ｶﾞ is two scalars in the original (one ガ normalised): the kana after it start at 3.
        #expect(spans.suffix(3) == ["あり@3-5", "まし@5-7", "た@7-8"])
    }

    /// A Shift-JIS (CP932) export is decoded as `koe classify` decodes it, and said so.
    @Test func readsCP932AndSaysSo() throws {
        // 返事が来ないので解約します。 in CP932, then a line with a byte that is no CP932 character.
        let line: [UInt8] = [0x95, 0xD4, 0x8E, 0x96, 0x82, 0xAA, 0x97, 0x88, 0x82, 0xC8, 0x82, 0xA2, 0x82, 0xCC, 0x82, 0xC5,
                             0x89, 0xF0, 0x96, 0xF1, 0x82, 0xB5, 0x82, 0xDC, 0x82, 0xB7, 0x81, 0x42]
        let input = Data(line + [0x0D, 0x0A] + [0x95, 0xD4, 0x8E, 0x96, 0xFF, 0x0A])
        let r = try KoeRunner.run(["tokenize"], stdin: input)
        #expect(r.status == 0)
        #expect(r.lines.count == 2)
        #expect(r.lines[0].replacingOccurrences(of: " ", with: "") == "返事が来ないので解約します。")
        #expect(r.lines[1].hasPrefix("返事 \u{FFFD}"))
        #expect(r.stderr.contains("<stdin>: read as CP932"))
        #expect(r.stderr.contains("<stdin>:2:7: warning: bytes that are not CP932 replaced with U+FFFD"))
        let strict = try KoeRunner.run(["tokenize", "--strict"], stdin: input)
        #expect(strict.status == 65)
    }

    /// A UTF-16 export (Excel's 「Unicode テキスト」) is decoded as `koe classify` decodes it, and
    /// said so: a line longer than one read is decoded whole, a lone surrogate is a repair.
    @Test func readsUTF16AndSaysSo() throws {
        func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
            text.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        }
        let long = String(repeating: "あ", count: 40_000)  // 80,000 bytes: more than one read
        for bigEndian in [false, true] {
            let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            let loneSurrogate: [UInt8] = bigEndian ? [0xD8, 0x00] : [0x00, 0xD8]
            let input = Data(mark + utf16("返事が来ない\r\n\(long)\n", bigEndian: bigEndian) + loneSurrogate + utf16("い", bigEndian: bigEndian))
            let r = try KoeRunner.run(["tokenize"], stdin: input)
            let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
            #expect(r.status == 0)
            #expect(r.lines.count == 3)
            #expect(r.lines[0].replacingOccurrences(of: " ", with: "") == "返事が来ない")
            #expect(r.lines[1].replacingOccurrences(of: " ", with: "") == long)
            #expect(r.lines[2].replacingOccurrences(of: " ", with: "") == "\u{FFFD}い")
            #expect(r.stderr.contains("<stdin>: read as \(name)"))
            #expect(r.stderr.contains("<stdin>:3:1: warning: bytes that are not \(name) replaced with U+FFFD"))
            #expect(!r.stderr.contains("<stdin>:1:"), "the byte-order mark is no repair")
        }
    }

    @Test func strictTurnsRepairsIntoExit65() throws {
        // 0xFF is neither UTF-8 nor CP932 (a lone 0xC3 would read as CP932's half-width ﾃ).
        let r = try KoeRunner.run(["tokenize", "--strict"], stdin: Data([0x61, 0xFF, 0x0A]))
        #expect(r.status == 65)
        #expect(r.lines.count == 1, "the line is still written")
    }

    @Test func handlesCRLFAndBOMAndAMissingFinalNewline() throws {
        let input = Data([0xEF, 0xBB, 0xBF]) + Data("返品したい\r\n届かない\r\n\r\n最後".utf8)
        let r = try KoeRunner.run(["tokenize"], stdin: input)
        #expect(r.status == 0)
        #expect(r.lines.count == 4)
        #expect(r.lines[0].hasPrefix("返品"))
        #expect(!r.out.contains("\r"))
        #expect(!r.out.contains("\u{FEFF}"))
        #expect(r.lines[2] == "")
        #expect(r.lines[3] == "最後")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let r = try KoeRunner.run(["tokenize"], stdin: Data())
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func aOneMegabyteLineIsOneOutputLine() throws {
        let unit = "サポートの対応が遅いです。"
        let perUnit = try KoeRunner.run(["tokenize"], stdin: Data((unit + "\n").utf8)).lines[0].split(separator: " ").count
        let big = String(repeating: unit, count: 80_000)  // ~3 MB of UTF-8
        let input = Data("前\n\(big)\n後\n".utf8)
        let r = try KoeRunner.run(["tokenize"], stdin: input)
        #expect(r.status == 0)
        #expect(r.lines.count == 3)
        #expect(perUnit >= 5)
        #expect(r.lines[1].split(separator: " ").count == 80_000 * perUnit)
        #expect(r.lines[2] == "後")
    }

    @Test func jsonlCarriesScalarOffsetsIntoTheOriginalLine() throws {
        let r = try KoeRunner.run(["tokenize", "--format", "jsonl"], stdin: Data("😀ＡＢＣ\n".utf8))
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.lines[0].utf8)) as? [String: Any]
        let tokens = try #require(object?["tokens"] as? [[String: Any]])
        #expect(tokens.count == 2)
        #expect(tokens[1]["text"] as? String == "ＡＢＣ")
        #expect(tokens[1]["norm"] as? String == "abc")
        #expect(tokens[1]["start"] as? Int == 1)
        #expect(tokens[1]["end"] as? Int == 4)
        #expect(tokens[1]["kind"] as? String == "letter")
    }

    @Test func missingFileExits66BeforeAnyOutput() throws {
        let r = try KoeRunner.run(["tokenize", "/nonexistent/tickets.txt"])
        #expect(r.status == 66)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("/nonexistent/tickets.txt"))
    }

    @Test func helpIsPinned() throws {
        let r = try KoeRunner.run(["tokenize", "--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("USAGE: koe tokenize"))
        #expect(r.out.contains("--format"))
        #expect(r.out.contains("Unicode scalar"))
    }
}
