import KoeKit
import Testing
@testable import KoeReport

@Suite("Markdown escaping")
struct MarkdownSafetyTests {
    let markdown: String

    init() throws { markdown = try MarkdownRenderer().render(ReportFixtures.full) }

    @Test func htmlInTicketsIsNeutralised() {
        // Every `<` from ticket text is backslash-escaped, so none can open a tag.
        #expect(markdown.range(of: #"(?<!\\)</?(script|img)"#, options: .regularExpression) == nil)
        #expect(markdown.contains(#"\<script\>alert(1)\</script\>"#))
        #expect(markdown.contains(#"\<img src=x onerror=alert(1)\>"#))
    }

    @Test func quoteLinesCannotStartBlocks() {
        // "# 至急 | …" must stay text inside the blockquote, and its second line ("- 2回目…")
        // must not become a list.
        #expect(markdown.contains(##"> \# 至急 \| 再読み込みしても \*直りません\* \_本当に\_ \`500\` \[詳細\](x)"##))
        #expect(markdown.contains(#"> \- 2回目の連絡です"#))
    }

    @Test(arguments: [
        ("a|b", #"a\|b"#), ("*x*", #"\*x\*"#), ("_x_", #"\_x\_"#), ("`x`", #"\`x\`"#), ("<b>", #"\<b\>"#),
        ("#tag", ##"\#tag"##), ("a\nb", "a b"), (#"C:\temp"#, #"C:\\temp"#), ("~x~", #"\~x\~"#),
    ])
    func inlineTextIsEscaped(raw: String, expected: String) {
        #expect(Markdown.text(raw) == expected)
    }

    @Test(arguments: [("- a", #"\- a"#), ("+ a", #"\+ a"#), ("1. a", #"1\. a"#), ("12) a", #"12\) a"#), ("2026年", "2026年")])
    func blockMarkersAreEscapedAtLineStart(raw: String, expected: String) {
        #expect(Markdown.text(raw, atLineStart: true) == expected)
    }

    @Test func tableCellsKeepTheirColumns() throws {
        var report = ReportFixtures.full
        report.topIssues[0].label = "ログイン | 認証\n二段階"
        let text = try MarkdownRenderer().render(report)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 1 |") })
        // 7 columns → 8 unescaped pipes
        let pipes = row.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
        #expect(pipes == 8)
    }

    /// A pasted report pings nobody; addresses keep their `@` (issue 16, item 8).
    @Test(arguments: [
        ("@here 至急", "＠here 至急"), ("@channel", "＠channel"), ("@everyone!", "＠everyone!"), ("cc @yamada", "cc ＠yamada"),
        ("(@user)", "(＠user)"), ("taro@example.jp", "taro@example.jp"), ("a @ b", "a @ b"), ("@", "@"),
    ])
    func mentionsAreNeutralised(raw: String, expected: String) {
        #expect(Markdown.text(raw) == expected)
    }

    @Test func bidiControlsAreReplaced() throws {
        #expect(Markdown.text("abc\u{202E}fdp.exe") == "abc\u{FFFD}fdp.exe")
        #expect(HTML.escape("abc\u{202E}fdp.exe\u{2066}") == "abc\u{FFFD}fdp.exe\u{FFFD}")
        var report = ReportFixtures.full
        report.topIssues[0].quotes[0].text = "返金\u{202E}してください\u{200F}"
        for text in [try MarkdownRenderer().render(report), try HTMLRenderer().render(report)] {
            #expect(!text.unicodeScalars.contains { HTML.isBidiControl($0) })
        }
    }

    /// 44 distinct channel values gave a 46-column weekly table; columns now stop at the
    /// chart's eight series, the rest summed as "other".
    @Test func manyChannelsFoldIntoOther() throws {
        var report = ReportFixtures.full
        let names = (0..<44).map { "ch\($0)" }
        for k in report.volume.weeks.indices {
            report.volume.weeks[k].byChannel = Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })
            report.volume.weeks[k].total = 44
        }
        let text = try MarkdownRenderer().render(report)
        let history = try #require(text.range(of: "### \(ReportText.weeklyHistory)"))
        let row = try #require(text[history.upperBound...].split(separator: "\n").first { $0.hasPrefix("| 2026-W47 |") })
        #expect(row.filter { $0 == "|" }.count == 11, "\(row)")  // week + 8 series + total
        // The fixture's five channels (0 this time) and ch0, ch1 are shown; 42 fold into "other".
        #expect(row.hasSuffix("| 1 | 1 | 42 | 44 |"), "\(row)")
        #expect(text[history.upperBound...].contains("| \(ReportText.otherChannels) |"))
    }

    @Test func noRawHTMLAnywhere() {
        #expect(markdown.range(of: #"(?<!\\)<[a-zA-Z/]"#, options: .regularExpression) == nil)
    }
}
