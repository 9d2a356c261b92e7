import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct TextReaderTests {
        @Test(arguments: [
            ("a\nb\n", ["a", "b"]),
            ("a\nb", ["a", "b"]),
            ("a\r\nb\r\n", ["a", "b"]),
            ("\u{FEFF}a\nb", ["a", "b"]),
            ("a\n\n\nb\n", ["a", "", "", "b"]),
            ("\n", [""]),
            ("", []),
            ("x\r\r\n", ["x\r"]),
            ("お問い合わせ\r\n返金希望", ["お問い合わせ", "返金希望"]),
        ])
        func everyLineIsARecord(input: String, texts: [String]) throws {
            let result = try InputTest.readAllWays(input, .text)
            #expect(result.texts == texts)
            #expect(result.lines == Array(stride(from: 1, through: texts.count, by: 1)))
            #expect(result.records.allSatisfy { $0.fields.isEmpty && $0.error == nil && $0.id == nil })
            #expect(result.diagnostics.isEmpty)
        }

        @Test func invalidUTF8IsRepairedWithLineAndByte() throws {
            var bytes = Array("ok\nbad ".utf8)
            bytes += [0xE3, 0x81]
            bytes += Array(" end\n".utf8)
            let result = try InputTest.readAllWays(bytes: bytes, .text, name: "t.txt", encoding: .utf8)
            #expect(result.texts == ["ok", "bad \u{FFFD} end"])
            #expect(result.diagnostics == ["t.txt:2:5: warning: invalid UTF-8 replaced with U+FFFD at byte 5"])
            #expect(result.records[1].warnings == ["invalid UTF-8 replaced with U+FFFD at byte 5"])
            #expect(result.records[0].warnings.isEmpty)
        }

        @Test func nulBytesAreKept() throws {
            let result = try InputTest.readAllWays(bytes: [0x61, 0x00, 0x62, 0x0A, 0x00], .text)
            #expect(result.texts == ["a\u{0}b", "\u{0}"])
        }

        @Test func recordsCarryTheSourceName() throws {
            let reader = try RecordReader(path: InputTest.fixturePath("tickets-utf8.csv"), format: .text)
            let first = try reader.next()
            #expect(first?.source == InputTest.fixturePath("tickets-utf8.csv"))
            #expect(first?.text == "番号,件名,本文,作成日時,チャネル,評価")
        }
    }
}
