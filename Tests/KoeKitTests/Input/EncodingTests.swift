import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct EncodingTests {
        /// The CP932 fixture is `iconv -f UTF-8 -t CP932` of the UTF-8 one: both must read the same.
        @Test(arguments: [InputEncoding.cp932, .auto])
        func cp932CSVReadsLikeItsUTF8Twin(encoding: InputEncoding) throws {
            let utf8 = try InputTest.readAllWays(bytes: InputTest.fixtureBytes("tickets-utf8.csv"), .csv, name: "x.csv", encoding: .utf8)
            let cp932 = try InputTest.readAllWays(bytes: InputTest.fixtureBytes("tickets-cp932.csv"), .csv, name: "x.csv", encoding: encoding)
            #expect(cp932.encoding == .cp932)
            #expect(cp932.records.map { String(describing: $0) } == utf8.records.map { String(describing: $0) })
            // What was detected is said once, in the reader's layout line, not as a diagnostic.
            #expect(cp932.diagnostics.isEmpty)
            #expect(cp932.texts == [
                "二段階認証のSMSが届きません。\n至急ご対応ください。",
                "請求書の宛名を「㈱サンプル」に変更したいです。\"至急\"とのことです～",
                "解約を検討しています①",
            ])
            #expect(cp932.lines == [2, 4, 5])
            #expect(cp932.records.map(\.id) == ["1001", "1002", "1003"])
            #expect(cp932.records[0].createdAt == "2026/11/17 9:05")
            #expect(cp932.records[0].channel == "メール")
            #expect(cp932.records[2].rating == nil)
        }

        @Test func utf8IsDetectedWithoutANote() throws {
            let result = try InputTest.readAllWays(bytes: InputTest.fixtureBytes("tickets-utf8.csv"), .csv)
            #expect(result.encoding == .utf8)
            #expect(result.diagnostics.isEmpty)
        }

        @Test func badCP932BytesBecomeReplacementsOnTheirRecord() throws {
            var bytes = Array("id,body\r\n1,ok\r\n2,\"a\r\n".utf8)
            bytes += [0x82, 0xA0, 0x82]  // あ, then a lead byte cut off by the quote
            bytes += Array("\"\r\n3,x\r\n".utf8)
            let result = try InputTest.readAllWays(bytes: bytes, .csv, name: "t.csv", encoding: .cp932)
            #expect(result.texts == ["ok", "a\nあ\u{FFFD}", "x"])
            #expect(result.diagnostics == ["t.csv:4:4: warning: invalid CP932 bytes replaced with U+FFFD at byte 4"])
            #expect(result.records[1].warnings == ["line 4: invalid CP932 bytes replaced with U+FFFD at byte 4"])
        }

        @Test func neitherUTF8NorCP932FallsBackToRepairedUTF8() throws {
            let bytes: [UInt8] = Array("a\n".utf8) + [0x80, 0x0A]  // 0x80 is invalid in both
            let result = try InputTest.readAllWays(bytes: bytes, .text, name: "t.txt")
            #expect(result.encoding == .utf8)
            #expect(result.texts == ["a", "\u{FFFD}"])
            #expect(result.diagnostics == ["t.txt:2:1: warning: invalid UTF-8 replaced with U+FFFD at byte 1"])
        }

        @Test func aCharacterSplitAtTheSniffLimitDoesNotSpoilDetection() throws {
            // UTF-8 'あ' (3 bytes) straddles byte 65536.
            let text = String(repeating: "a", count: InputEncoding.sniffLength - 1) + "あ\n"
            let utf8 = try InputTest.read(bytes: Array(text.utf8), .text)
            #expect(utf8.encoding == .utf8)
            #expect(utf8.diagnostics.isEmpty)
            // CP932 'あ' (82 A0) straddles byte 65536: 1 + 326 lines of 201 bytes + 2 * 4 = 65535.
            let line: [UInt8] = Array(repeatElement([0x82, 0xA0], count: 100).joined()) + [0x0A]
            let bytes: [UInt8] = [0x78] + Array(repeatElement(line, count: 330).joined())
            #expect(bytes[InputEncoding.sniffLength - 1] == 0x82)
            let cp932 = try InputTest.read(bytes: bytes, .text)
            #expect(cp932.encoding == .cp932)
            #expect(cp932.records.count == 330)
            #expect(cp932.records.allSatisfy { $0.warnings.isEmpty })
            #expect(cp932.texts[1] == String(repeating: "あ", count: 100))
        }

        @Test(arguments: [
            (InputEncoding.auto, "auto"), (.utf8, "utf-8"), (.cp932, "cp932"),
        ])
        func rawValuesAreTheCLIsSpellings(encoding: InputEncoding, name: String) {
            #expect(InputEncoding(rawValue: name) == encoding)
        }
    }
}
