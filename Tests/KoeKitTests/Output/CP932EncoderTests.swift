import Testing
@testable import KoeKit

@Suite struct CP932EncoderTests {
    func encode(_ text: String) -> (bytes: [UInt8], replaced: CP932Encoder.Replacements) {
        let out = ByteBuffer()
        var replaced = CP932Encoder.Replacements()
        var text = text
        text.withUTF8 { CP932Encoder.shared.encode($0, into: out, replacements: &replaced) }
        return (out.array, replaced)
    }

    /// Codes as Windows writes them: JIS X 0208, NEC row 13 before the IBM extension, the
    /// IBM extension before the NEC-selected rows (0xED/0xEE).
    @Test(arguments: [
        ("A,\t\"\n", [0x41, 0x2C, 0x09, 0x22, 0x0A]), ("ｱ", [0xB1]), ("ア", [0x83, 0x41]), ("漢", [0x8A, 0xBF]),
        ("①", [0x87, 0x40]), ("Ⅰ", [0x87, 0x54]), ("ⅰ", [0xFA, 0x40]), ("∵", [0x81, 0xE6]), ("㈱", [0x87, 0x8A]),
        ("髙", [0xFB, 0xFC]), ("＼", [0x81, 0x5F]), ("～", [0x81, 0x60]), ("¬", [0x81, 0xCA]),
        // Best fit for characters CP932 lacks.
        ("〜", [0x81, 0x60]), ("−", [0x81, 0x7C]), ("¥", [0x5C]),
    ])
    func writesTheCodeWindowsWrites(text: String, expected: [UInt8]) {
        let (bytes, replaced) = encode(text)
        #expect(bytes == expected)
        #expect(replaced.count == 0)
    }

    @Test func replacesWhatCP932CannotHoldAndCountsIt() {
        let (bytes, replaced) = encode("a😀é한b")
        #expect(bytes == [0x61, 0x81, 0xAC, 0x81, 0xAC, 0x81, 0xAC, 0x62])
        #expect(replaced.count == 3)
        #expect(replaced.first == "😀")
    }
}
