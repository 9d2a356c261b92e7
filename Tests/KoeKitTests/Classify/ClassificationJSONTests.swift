import Foundation
import Testing
@testable import KoeKit

/// `classifyJSON` writes the labels straight from the scorer's buffers; it must say exactly
/// what `classify` returns, for every kind of text.
@Suite struct ClassificationJSONTests {
    static let texts: [String] = BuiltInLexicon.loaded.lexicon.examples.map(\.text) + [
        "",
        "サポートは丁寧だけど、結局解決しなかった",
        "改善されないなら解約します",
        "「最悪」\"quoted\" back\\slash\ttab\u{01}ctl",
        "㈱テストの㍻の件、使いにくいです😡😡 でも対応は早かった",
        "𠮷野家のアプリ、ログインできません。\nもう3回目です。さすがですね",
        String(repeating: "使いにくい。", count: 2000),
    ] + {
        var random = SeededGenerator(seed: 5)
        return (0..<200).map { _ in random.mixedJapanese(length: Int.random(in: 0...60, using: &random)) }
    }()

    @Test func jsonSaysWhatClassifySays() throws {
        let classifier = try BuiltInLexicon.classifier()
        for text in Self.texts {
            let expected = try classifier.classify(text)
            let bytes = ByteBuffer()
            bytes.append("{\"id\":1")
            var copy = text
            let stance = try copy.withUTF8 { try classifier.classifyJSON(utf8: $0, appendingTo: bytes) }
            bytes.append(0x7D)
            #expect(stance == expected.stance)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes.array)) as? [String: Any], "\(text)")
            #expect(object["stance"] as? String == expected.stance.rawValue, "\(text)")
            #expect(object["dominant"] as? String == expected.dominant?.rawValue, "\(text)")
            #expect((object["score"] as? NSNumber)?.doubleValue == expected.score, "\(text)")
            #expect(object["topic"] as? String == expected.topic, "\(text)")
            let signals = try #require(object["signals"] as? [[String: Any]])
            #expect(signals.count == expected.signals.count, "\(text)")
            for (json, signal) in zip(signals, expected.signals) {
                #expect(json["id"] as? String == signal.id)
                #expect(json["family"] as? String == signal.family.rawValue)
                #expect((json["strength"] as? NSNumber)?.doubleValue == signal.strength)
                #expect(json["conditional"] as? Bool == signal.conditional)
                try expectEvidence(json["evidence"], signal.evidence, text)
                #expect(json["evidence_omitted"] as? Int == (signal.evidenceOmitted > 0 ? signal.evidenceOmitted : nil), "\(text)")
            }
            try expectEvidence(object["evidence"], expected.evidence, text)
            #expect(object["evidence_omitted"] as? Int == (expected.evidenceOmitted > 0 ? expected.evidenceOmitted : nil), "\(text)")
        }
    }

    /// A text that repeats one phrase lists the first `evidenceLimit` pieces and counts the rest.
    @Test func evidenceStopsAtTheLimitAndCountsTheRest() throws {
        let classifier = try BuiltInLexicon.classifier()
        let c = try classifier.classify(String(repeating: "使いにくい。", count: 300))
        #expect(c.evidence.count == Classifier.evidenceLimit)
        #expect(c.evidenceOmitted == 300 - Classifier.evidenceLimit)
        #expect(c.evidence.last?.start == (Classifier.evidenceLimit - 1) * 6)
        let crash = try #require(try classifier.classify(String(repeating: "アプリが起動しない。", count: 300))
            .signals.first { $0.id == "trouble_experience" })
        #expect(crash.evidence.count == Classifier.evidenceLimit)
        #expect(crash.evidenceOmitted == 300 - Classifier.evidenceLimit)
    }

    /// A long text is classified a run of sentences at a time; the JSON is the same as one pass
    /// over the whole text gives. Segments of 200 bytes here, and sentences of at most 60 bytes,
    /// so every segment ends at a sentence end (a sentence longer than half a segment is cut
    /// inside, and rules that span the cut then differ).
    @Test func segmentsAddUpToTheWholeText() throws {
        let classifier = try BuiltInLexicon.classifier()
        var random = SeededGenerator(seed: 23)
        let short = BuiltInLexicon.loaded.lexicon.examples.map(\.text)
            .filter { $0.utf8.count <= 57 && !$0.contains { "。！？!?.;♪\n".contains($0) } }
        #expect(short.count > 100)
        let texts = [
            String(repeating: "使いにくい。", count: 300),
            String(repeating: "サポートは丁寧だけど解決しなかった。改善されないなら解約します！", count: 20),
            // Requests count by their strongest across segments, not by their sum.
            String(repeating: "確認してください。", count: 60),
            (0..<60).map { _ in short.randomElement(using: &random)! }.joined(separator: "\n"),
            (0..<60).map { _ in short.randomElement(using: &random)! }.joined(separator: "。"),
            (0..<60).map { _ in short.randomElement(using: &random)! + ["！", "？", "。", "\n"].randomElement(using: &random)! }.joined(),
        ]
        for text in texts {
            var copy = text
            let (whole, cut) = try copy.withUTF8 { utf8 -> ([UInt8], [UInt8]) in
                let a = ByteBuffer(), b = ByteBuffer()
                _ = try classifier.classifyJSON(utf8: utf8, appendingTo: a, segmentBytes: Int.max)
                _ = try classifier.classifyJSON(utf8: utf8, appendingTo: b, segmentBytes: 200)
                return (a.array, b.array)
            }
            #expect(String(decoding: cut, as: UTF8.self) == String(decoding: whole, as: UTF8.self), "\(text.prefix(40))")
        }
        // With no sentence end at all, the text is cut between characters and still reads.
        var plain = String(repeating: "とても便利で助かっています", count: 30)
        let cut = try plain.withUTF8 { utf8 -> [UInt8] in
            let b = ByteBuffer()
            b.append("{\"id\":1")
            _ = try classifier.classifyJSON(utf8: utf8, appendingTo: b, segmentBytes: 200)
            b.append(0x7D)
            return b.array
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cut)) as? [String: Any])
        #expect(object["stance"] as? String == "success")
    }

    @Test func segmentsEndAfterASentenceEndOrOnACharacter() {
        let text = Array("一文目です。二文目！三?四\n五六七八九十".utf8)
        text.withUnsafeBufferPointer { utf8 in
            let ranges = Classifier.segments(utf8, limit: 20)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == utf8.count)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            for r in ranges {
                #expect(r.count <= 20)
                #expect(String(validatingUTF8: Array(utf8[r]).map { CChar(bitPattern: $0) } + [0]) != nil, "\(r)")
            }
            #expect(String(decoding: utf8[ranges[0]], as: UTF8.self) == "一文目です。")
        }
    }

    private func expectEvidence(_ json: Any?, _ evidence: [Evidence], _ text: String) throws {
        let list = try #require(json as? [[String: Any]])
        #expect(list.count == evidence.count, "\(text)")
        for (j, e) in zip(list, evidence) {
            #expect(j["text"] as? String == e.text, "\(text)")
            #expect(j["start"] as? Int == e.start)
            #expect(j["end"] as? Int == e.end)
            #expect(j["entry"] as? String == e.entry)
            #expect(j["pattern"] as? String == e.pattern)
            #expect((j["contribution"] as? NSNumber)?.doubleValue == e.contribution)
            #expect(j["rules"] as? [String] == e.rules, "\(text)")
        }
    }

    @Test func numbersAreWrittenLikeSwiftPrintsTheRoundedValue() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 1, -1, 2.5, -3.6, 0.25, 1.05, 12.34, -0.1, 1234567.89]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2000 { values.append(Double.random(in: -50...50, using: &random)) }
        for x in values {
            let out = ByteBuffer()
            JSONBytes.appendNumber(x, to: out)
            let r = (x * 100).rounded() / 100
            let expected = r == 0 ? "0" : r == r.rounded() ? String(Int(r)) : String(r)
            #expect(String(decoding: out.array, as: UTF8.self) == expected, "\(x)")
        }
    }

    @Test func decimals() {
        for v in [0, 7, -7, 10, 99, 100, -100, 123_456_789, Int.max, Int.min] {
            let out = ByteBuffer()
            JSONBytes.appendDecimal(v, to: out)
            #expect(String(decoding: out.array, as: UTF8.self) == String(v))
        }
    }

    /// The eight-bytes-at-a-time test for bytes to escape: any such byte, in any lane, next to
    /// any kind of neighbour, is seen.
    @Test func escapeTestSeesEveryByteInEveryLane() {
        let neighbours: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x41, 0x7F, 0x80, 0x81, 0xA2, 0xDC, 0xE3, 0xFF]
        for b in 0...255 {
            for lane in 0..<8 {
                for n in neighbours {
                    var bytes = [UInt8](repeating: n, count: 8)
                    bytes[lane] = UInt8(b)
                    let x = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let needs = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    if needs { #expect(JSONBytes.mayNeedEscape(x), "byte \(b) lane \(lane) next to \(n)") }
                }
            }
        }
    }

    /// Strings are escaped exactly as a byte-by-byte escaper does, wherever the specials fall.
    @Test func stringsEscapeLikeAPlainLoop() {
        var random = SeededGenerator(seed: 3)
        let pool: [UInt8] = Array("あ".utf8) + [0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x01, 0x1F, 0x41, 0x20, 0x7F]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in pool[Int.random(in: 0..<pool.count, using: &random)] }
            let out = ByteBuffer(capacity: 1)
            bytes.withUnsafeBufferPointer { JSONBytes.appendString(utf8: $0, to: out) }
            var expected: [UInt8] = [0x22]
            for b in bytes {
                switch b {
                case 0x22: expected += Array("\\\"".utf8)
                case 0x5C: expected += Array("\\\\".utf8)
                case 0x0A: expected += Array("\\n".utf8)
                case 0x0D: expected += Array("\\r".utf8)
                case 0x09: expected += Array("\\t".utf8)
                case 0..<0x20: expected += Array(String(format: "\\u%04x", b).utf8)
                default: expected.append(b)
                }
            }
            expected.append(0x22)
            #expect(out.array == expected, "\(bytes)")
        }
    }
}
