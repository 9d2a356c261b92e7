import KoeKit
import Testing
@testable import KoeReport

@Suite("Ticket links (--ticket-url)")
struct TicketLinkTests {
    static let hostileID = "T 1&<2>"
    static let encoded = "T%201%26%3C2%3E"

    static func report(id: String = hostileID) -> WeeklyReport {
        var report = ReportFixtures.full
        report.topIssues[0].quotes[0].id = id
        return report
    }

    static let links = ReportLinks(ticket: try! TicketLinkTemplate("https://t.example/view?x=1&id={id}"))

    @Test(arguments: [("T 1&<2>", "T%201%26%3C2%3E"), ("244974", "244974"), ("a/b?c#d", "a%2Fb%3Fc%23d"),
                      ("問い合わせ-1", "%E5%95%8F%E3%81%84%E5%90%88%E3%82%8F%E3%81%9B-1"), ("a.b_c~d", "a.b_c~d"), ("%41", "%2541")])
    func idsArePercentEncoded(raw: String, expected: String) {
        #expect(TicketLinkTemplate.percentEncoded(raw) == expected)
    }

    @Test func everyPlaceholderIsFilled() throws {
        let template = try TicketLinkTemplate("https://t.example/{id}?ref={id}")
        #expect(template.url(for: "a b") == "https://t.example/a%20b?ref=a%20b")
    }

    @Test(arguments: [
        "https://example.zendesk.com/agent/tickets/{id}", "http://localhost:8080/t/{id}", "HTTPS://Example.com/t?id={id}&x=1",
        "https://user@host.example/{id}",
    ])
    func acceptsHTTPTemplates(template: String) throws {
        _ = try TicketLinkTemplate(template)
    }

    @Test(arguments: [
        ("javascript:alert(1)//{id}", TicketLinkTemplate.Problem.url(.scheme)),
        ("ftp://files.example/{id}", .url(.scheme)),
        ("/agent/tickets/{id}", .url(.scheme)),
        ("https://t.example/tickets/", .noPlaceholder),
        ("https://t.example/{ID}", .noPlaceholder),
        ("https:///{id}", .url(.host)),
        ("https://t.example/{id} x", .url(.character(" "))),
        ("https://t.example/{id}\"onclick=x", .url(.character("\""))),
        ("https://t.example/<{id}>", .url(.character("<"))),
        ("https://t.example/{id}|x", .url(.character("|"))),
        ("https://t.example/{id}\n", .url(.character("\n"))),
        ("https://例え.jp/{id}", .url(.character("例"))),
    ])
    func refusesOtherTemplates(template: String, problem: TicketLinkTemplate.Problem) {
        #expect(throws: problem) { try TicketLinkTemplate(template) }
    }

    @Test func markdownLinksTheIdWithAnEscapedLabel() throws {
        let markdown = try MarkdownRenderer(links: Self.links).render(Self.report())
        #expect(markdown.contains(#"— [T 1&\<2\>](<https://t.example/view?x=1&id=T%201%26%3C2%3E>)・"#))
        let plainID = ReportFixtures.full.churnRisk[0].quote
        #expect(markdown.contains("— [\(plainID.id)](<https://t.example/view?x=1&id=\(plainID.id)>)・\(plainID.account!)"))
    }

    @Test func htmlLinksTheIdWithEscapedAttributeAndText() throws {
        let html = try HTMLRenderer(links: Self.links).render(Self.report())
        #expect(html.contains(#"<footer>— <a href="https://t.example/view?x=1&amp;id=T%201%26%3C2%3E" rel="noreferrer">T 1&amp;&lt;2&gt;</a>・"#))
        let quote = ReportFixtures.imageQuote  // no account: the link alone
        #expect(html.contains("<footer>— <a href=\"https://t.example/view?x=1&amp;id=\(quote.id)\" rel=\"noreferrer\">\(quote.id)</a></footer>"))
    }

    @Test func slackLinksTheIdWithAnEscapedLabel() throws {
        let digest = try SlackRenderer(links: Self.links).render(Self.report())
        #expect(digest.contains("例 <https://t.example/view?x=1&amp;id=T%201%26%3C2%3E|T 1&amp;&lt;2&gt;>"))
    }

    @Test(arguments: [ReportFormat.markdown, .html, .slack])
    func noTemplateNoLinks(format: ReportFormat) throws {
        let text = try format.renderer.render(Self.report())
        #expect(!text.contains("t.example"))
        #expect(!text.contains("<a "))
        #expect(!text.contains("](<"))
    }

    @Test func everyQuoteIsLinkedInMarkdownAndHTML() throws {
        let report = ReportFixtures.full
        let markdown = try MarkdownRenderer(links: Self.links).render(report)
        let html = try HTMLRenderer(links: Self.links).render(report)
        let ids = Set(ReportFixtures.allQuotes.map(\.id))
        for id in ids {
            let url = "https://t.example/view?x=1&id=" + TicketLinkTemplate.percentEncoded(id)
            #expect(markdown.contains("(<\(url)>)"), "\(id)")
            #expect(html.contains("href=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\""), "\(id)")
        }
        // Every attribution in the HTML is a link: no footer starts with plain text.
        #expect(!html.contains("<footer>— T-"))
    }
}
