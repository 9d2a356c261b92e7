import KoeKit
import Testing
@testable import KoeReport

@Suite("HTML is self-contained and escaped")
struct HTMLSafetyTests {
    let html: String

    init() throws { html = try HTMLRenderer().render(ReportFixtures.full) }

    @Test func scriptAndImageMarkupFromTicketsAppearOnlyEscaped() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func quotesAndApostrophesAreEscaped() {
        let report = withQuote(#"He said "hi" & it's <b>bold</b>"#)
        let text = (try? HTMLRenderer().render(report)) ?? ""
        #expect(text.contains("He said &quot;hi&quot; &amp; it&#39;s &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!text.contains("<b>bold"))
    }

    @Test func textInsideSVGIsEscaped() throws {
        var report = ReportFixtures.full
        report.topIssues[0].label = "<svg onload=alert(1)>\"ラベル\""
        report.volume.weeks[8].byChannel["<x>"] = 1
        let text = try HTMLRenderer().render(report)
        #expect(!text.contains("<svg onload"))
        #expect(text.contains("&lt;svg onload=alert(1)&gt;&quot;ラベル&quot;"))
        #expect(!text.contains("<x>"))
    }

    @Test func documentDeclaresCharsetLanguageAndFonts() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("\"Noto Sans CJK JP\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test(arguments: ["<script", "<link", "<img", "<iframe", "<object", "<embed", "<a ", "src=", "href=", "url(",
                      "@import", "@font-face", "javascript:", "on"+"error=", "onload="])
    func nothingIsLoadedOrRun(marker: String) {
        #expect(!withoutTicketText.lowercased().contains(marker), "found \(marker)")
    }

    @Test func chartsAreInlineSVG() {
        #expect(html.contains("class=\"chart-volume\""))
        #expect(html.contains("class=\"chart-stance\""))
        #expect(html.contains("class=\"chart-issues\""))
        // one sparkline per issue and per feature request
        let sparklines = html.components(separatedBy: "class=\"spark\"").count - 1
        #expect(sparklines == ReportFixtures.topIssues.count + ReportFixtures.featureRequests.count)
        #expect(!html.contains("xmlns"))
    }

    /// URLs may only appear inside (escaped) ticket text: no links, no namespaces, no fonts.
    @Test func noURLOutsideTicketText() {
        #expect(html.contains("https://example.com/login"), "fixture URL should be present as text")
        #expect(!withoutTicketText.contains("http://"))
        #expect(!withoutTicketText.contains("https://"))
    }

    /// The document with every (escaped) quote removed: what the renderer itself wrote.
    private var withoutTicketText: String {
        ReportFixtures.allQuotes.reduce(html) { $0.replacingOccurrences(of: HTML.lines($1.text), with: "") }
    }

    private func withQuote(_ text: String) -> WeeklyReport {
        var report = ReportFixtures.empty
        report.appendix.unclassifiedSample = [WeeklyReport.Quote(id: "T-1", text: text)]
        return report
    }
}
