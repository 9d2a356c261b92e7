import Foundation
import KoeKit
import Testing
@testable import KoeReport

@Suite("Slack digest (mrkdwn)")
struct SlackDigestTests {
    typealias R = WeeklyReport

    static let ticketLinks = ReportLinks(ticket: try! TicketLinkTemplate("https://t.example/tickets/{id}"))

    /// The digest with our own `<url|label>` links taken out: what is left must hold no `<`
    /// or `>` at all, and every `&` must start one of Slack's three escapes.
    static func withoutLinks(_ digest: String) -> String {
        digest.replacingOccurrences(of: #"<https?://[^<>| ]+\|[^<>|]*>"#, with: "", options: .regularExpression)
    }

    static func escapesAreWhole(_ digest: String) -> Bool {
        let rest = withoutLinks(digest)
        guard !rest.contains("<"), !rest.contains(">") else { return false }
        return rest.replacingOccurrences(of: "&amp;", with: "").replacingOccurrences(of: "&lt;", with: "")
            .replacingOccurrences(of: "&gt;", with: "").contains("&") == false
    }

    @Test func ampersandAndAngleBracketsAreEscaped() throws {
        var report = ReportFixtures.full
        report.topAlert = "A&B社で <b>障害</b> が発生 x>y"
        report.topIssues[0].label = "請求書 & 領収書 <PDF>"
        report.churnRisk[0].account = "ACME<&>01"
        let digest = try SlackRenderer().render(report)
        #expect(digest.contains("A&amp;B社で &lt;b&gt;障害&lt;/b&gt; が発生 x&gt;y"))
        #expect(digest.contains("請求書 &amp; 領収書 &lt;PDF&gt;"))
        #expect(digest.contains("ACME&lt;&amp;&gt;01"))
        #expect(Self.escapesAreWhole(digest))
    }

    @Test(arguments: ["&", "<", ">", "&amp;", "<!here>", "<#C0123|general>", "<https://evil.example|OK>"])
    func everyEscapeIsApplied(raw: String) {
        let escaped = Slack.text(raw)
        #expect(!escaped.contains("<") && !escaped.contains(">"))
        #expect(Self.escapesAreWhole(escaped))
        // Slack shows the escaped text as the raw characters again.
        let shown = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(shown == raw)
    }

    @Test(arguments: [
        ("@here 至急", "＠here 至急"), ("@channel", "＠channel"), ("@everyone!", "＠everyone!"), ("cc @yamada", "cc ＠yamada"),
        ("<!channel> 見て", "&lt;!channel&gt; 見て"), ("<@U0123>", "&lt;＠U0123&gt;"), ("taro@example.com", "taro@example.com"), ("1行目\n2行目", "1行目 2行目"),
    ])
    func ticketTextPingsNobodyAndStaysOnOneLine(raw: String, expected: String) {
        #expect(Slack.text(raw) == expected)
    }

    @Test func hasNoTablesOrHashHeadings() throws {
        var report = ReportFixtures.full
        report.topIssues[0].label = "| 課題 | 件数 |"
        report.summary[0] = "# 見出しのような要約"
        let digest = try SlackRenderer().render(report)
        let lines = digest.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("|") || $0.hasPrefix("#") || $0.hasPrefix(">") })
        #expect(!digest.contains("---"))
        #expect(lines.first == "*週次VOCレポート 2026-W47*")
    }

    /// Slack bolds `*…*` only when no letter touches the markers (CJK included): every
    /// heading's closing `*` ends the line or is followed by a space.
    @Test func boldHeadingsAreFollowedBySpaceOrLineEnd() throws {
        let digest = try SlackRenderer().render(ReportFixtures.full)
        let headings = digest.split(separator: "\n").filter { $0.hasPrefix("*") }
        #expect(headings.count >= 5)
        for line in headings {
            let close = try #require(line.dropFirst().firstIndex(of: "*"))
            let after = line[line.index(after: close)...]
            #expect(after.isEmpty || after.first == " ", "\(line)")
        }
    }

    @Test func showsAlertChangesTopIssuesAndChurnRisk() throws {
        let report = ReportFixtures.full
        let digest = try SlackRenderer().render(report)
        #expect(digest.contains("*要注意:* " + Slack.text(report.topAlert!)))
        for sentence in report.summary { #expect(digest.contains("• " + Slack.text(sentence))) }
        let first = report.topIssues[0]
        #expect(digest.contains("1. \(Slack.text(first.label))：\(NumberText.items(first.count))・前週比 "
            + ReportFacts.countDelta(first.count, previous: first.previous)))
        for risk in report.churnRisk { #expect(digest.contains("• " + Slack.text(risk.account))) }
        #expect(!digest.contains("<http"), "no link without --report-url or --ticket-url")
    }

    @Test func linksTheFullReportLast() throws {
        let url = try WebURL("https://voc.example.com/2026-W47.html?team=cs&week=47")
        let digest = try SlackRenderer(links: ReportLinks(fullReport: url)).render(ReportFixtures.full)
        let last = try #require(digest.split(separator: "\n").last)
        #expect(last == "<https://voc.example.com/2026-W47.html?team=cs&amp;week=47|全文レポートを開く>")
        #expect(Self.escapesAreWhole(digest))
    }

    @Test func ticketIdsLinkWithPercentEncodedIds() throws {
        var report = ReportFixtures.full
        report.topIssues[0].quotes[0].id = "T 1&<2>"
        let digest = try SlackRenderer(links: Self.ticketLinks).render(report)
        #expect(digest.contains("例 <https://t.example/tickets/T%201%26%3C2%3E|T 1&amp;&lt;2&gt;>"))
        #expect(digest.contains("根拠 <https://t.example/tickets/\(report.churnRisk[0].quote.id)|\(report.churnRisk[0].quote.id)>"))
        #expect(Self.escapesAreWhole(digest))
    }

    /// A report far over the limit: many accounts, long texts full of escapes and links.
    static var huge: WeeklyReport {
        var report = ReportFixtures.full
        report.topAlert = String(repeating: "障害&<>", count: 400)
        report.summary = (1...3).map { String(repeating: "変化\($0)&", count: 300) }
        let template = ReportFixtures.full.churnRisk[0]
        report.churnRisk = (1...400).map { n in
            var risk = template
            risk.account = "ACME<\(n)>&" + String(repeating: "x", count: 100)
            risk.quote.id = "T&\(n)"
            return risk
        }
        return report
    }

    @Test func staysUnderTheLimitAndCutsOnlyBetweenLines() throws {
        let url = try WebURL("https://voc.example.com/r.html?a=1&b=2")
        let links = ReportLinks(ticket: Self.ticketLinks.ticket, fullReport: url)
        let digest = try SlackRenderer(links: links).render(Self.huge)
        #expect(digest.utf16.count <= SlackRenderer.defaultMaximumLength)
        #expect(digest.utf16.count > SlackRenderer.defaultMaximumLength - 300, "fills the room it has")
        #expect(Self.escapesAreWhole(digest))
        #expect(digest.contains("※ Slackの文字数の上限に収めるため、"))
        #expect(digest.hasSuffix("<https://voc.example.com/r.html?a=1&amp;b=2|全文レポートを開く>\n"))
        // Every kept account line is whole: it ends with its ticket link.
        let accounts = digest.split(separator: "\n").filter { $0.hasPrefix("• ACME") }
        #expect(!accounts.isEmpty)
        #expect(accounts.allSatisfy { $0.hasSuffix(">") && $0.contains("根拠 <https://t.example/tickets/T%26") })
    }

    @Test(arguments: Array(stride(from: 400, through: 2_400, by: 125)))
    func anyLimitGivesWholeEscapesAndLinks(limit: Int) throws {
        let url = try WebURL("https://voc.example.com/r.html")
        let links = ReportLinks(ticket: Self.ticketLinks.ticket, fullReport: url)
        let digest = try SlackRenderer(links: links, maximumLength: limit).render(Self.huge)
        #expect(digest.utf16.count <= limit)
        #expect(Self.escapesAreWhole(digest))
        #expect(digest.hasSuffix("|全文レポートを開く>\n"))
    }

    @Test func refusesALimitTooSmallForTitleAndLink() throws {
        let links = ReportLinks(fullReport: try WebURL("https://voc.example.com/" + String(repeating: "a", count: 900)))
        #expect(throws: SlackRenderer.Failure.self) { try SlackRenderer(links: links, maximumLength: 800).render(ReportFixtures.full) }
    }
}
