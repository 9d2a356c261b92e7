import Foundation
import Testing
@testable import KoeKit

extension InputTests {
    /// UTF-8 against CP932 on counted evidence; UTF-16 by its mark or its zero bytes.
    @Suite struct EncodingEvidenceTests {
        static let japanese = "請求書の宛名を変更したいです。ログインできません。\n"

        func cp932(_ text: String) -> [UInt8] {
            let converter = String(text).data(using: .shiftJIS) ?? Data()
            return Array(converter)
        }

        func detect(_ bytes: [UInt8], complete: Bool = true) -> InputEncoding {
            bytes.withUnsafeBufferPointer { InputEncoding.detect(sample: $0, complete: complete) }
        }

        @Test func oneInvalidByteOrUserDefinedCharacterKeepsCP932() {
            let clean = cp932(String(repeating: Self.japanese, count: 5))
            #expect(detect(clean) == .cp932)
            #expect(detect(clean + [0xA0, 0x0A]) == .cp932, "an invalid byte")
            #expect(detect(clean + [0xF0, 0x40, 0x0A]) == .cp932, "a user-defined character")
        }

        @Test func truncatedOrSlightlyDamagedUTF8StaysUTF8() {
            let utf8 = Array(String(repeating: Self.japanese, count: 5).utf8)
            #expect(detect(Array(utf8.dropLast(2))) == .utf8, "cut inside the last character")
            #expect(detect(Array(utf8.dropLast(3)) + [0xE3, 0x81]) == .utf8)
            #expect(detect([0xFF] + utf8) == .utf8, "one stray byte")
        }

        @Test func utf16ByMarkOrByZeroBytes() {
            let le: [UInt8] = Array("id\tbody\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            #expect(detect([0xFF, 0xFE] + le) == .utf16le)
            #expect(detect(le) == .utf16le)
            let be: [UInt8] = Array("id\tbody\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
            #expect(detect([0xFE, 0xFF] + be) == .utf16be)
        }

        @Test func excelUnicodeTextIsReadAsTSV() throws {
            let text = "番号\t本文\t受付日時\r\nK-1\t返金してください\t2026/11/17 9:05\r\nK-2\t絵文字😀も大丈夫\t2026/11/18 10:00\r\n"
            let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let (r, layout) = try InputTest.sniffed(bytes: bytes)
            #expect(layout.format == .tsv)
            #expect(layout.encoding == .utf16le)
            #expect(r.records.map(\.id) == ["K-1", "K-2"])
            #expect(r.texts == ["返金してください", "絵文字😀も大丈夫"])
            #expect(r.records[0].createdAt == "2026/11/17 9:05")
            #expect(r.diagnostics.isEmpty)
        }

        @Test func cp932AfterTheFirst64KiBOfAFileIsFound() throws {
            let ascii = String(repeating: "id,body\n", count: 1).utf8 + Array(String(repeating: "1,ascii only text here\n", count: 4000).utf8)
            let bytes = Array(ascii) + cp932("2,返金してください\n")
            #expect(bytes.count > InputEncoding.sniffLength)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("koe-late-cp932-\(UUID().uuidString).csv")
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let reader = try RecordReader(path: url.path, format: nil)
            var last: Record?
            while let record = try reader.next() { last = record }
            #expect(reader.encoding == .cp932)
            #expect(last?.text == "返金してください")
        }
    }
}
