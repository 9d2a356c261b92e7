import Testing
@testable import KoeKit

/// Weights are plain decimals from 0 to 100: huge, non-finite, hex and exponent forms are
/// rejected at parse time with a position (issue 16, items 4 and 16).
@Suite struct LexiconWeightTests {
    @Test(arguments: ["1e19", "1e308", "1E2", "0x10", "inf", "nan", "-1", "+1", "100.5", "1000", ".5", "5.", "1.2.3", "1,5", " 1", "１"])
    func rejects(_ weight: String) {
        let parsed = LexiconParser.parse("神アプデ\tpos\t\(weight)\t-\n", file: "x.tsv", kind: .entries)
        #expect(parsed.entries.isEmpty)
        #expect(parsed.diagnostics.map(\.description)
            == ["x.tsv:1:10: error: invalid weight '\(weight)' (a decimal from 0 to 100, like 1.5)"])
    }

    @Test(arguments: [("0", 0.0), ("1", 1), ("1.5", 1.5), ("0.25", 0.25), ("100", 100), ("007", 7), ("", 1)])
    func accepts(_ weight: String, value: Double) {
        let parsed = LexiconParser.parse("神アプデ\tpos\t\(weight)\t-\n", file: "x.tsv", kind: .entries)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.entries.map(\.weight) == [value])
    }

    /// A BOM at the start of line 2 (two files joined with cat) kept the pattern from ever
    /// matching, silently (issue 16, item 16).
    @Test func aByteOrderMarkOnALaterLineIsReportedAndRemoved() {
        let parsed = LexiconParser.parse("解約したい\tchurn_intent\n\u{FEFF}神アプデ\tpos\n", file: "x.tsv", kind: .entries)
        #expect(parsed.entries.map(\.pattern) == ["解約したい", "神アプデ"])
        #expect(parsed.diagnostics.map(\.description)
            == ["x.tsv:2:1: warning: byte order mark at the start of the line (removed; lexicons are UTF-8 without BOM)"])
    }
}
