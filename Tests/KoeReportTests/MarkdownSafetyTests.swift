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

    @Test func noRawHTMLAnywhere() {
        #expect(markdown.range(of: #"(?<!\\)<[a-zA-Z/]"#, options: .regularExpression) == nil)
    }
}
