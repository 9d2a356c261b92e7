import Foundation
import Testing

/// `koe report --format slack`, `--report-url` and `--ticket-url` end to end.
@Suite struct ReportDigestCLITests {
    static let fixtures = ReportCLITests.fixtures
    static let sample = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpora/sample/tickets.csv").path

    func report(_ extra: [String]) throws -> KoeRunner.Result {
        try KoeRunner.run(["report", "report-fixture.csv", "--week", "2026-W47", "-q"] + extra, in: Self.fixtures)
    }

    @Test func sampleDigestFitsOneSlackMessageWithoutTables() throws {
        let r = try KoeRunner.run([
            "report", Self.sample, "--week", "2026-W47", "--format", "slack", "-q",
            "--ticket-url", "https://example.zendesk.com/agent/tickets/{id}", "--report-url", "https://voc.example.com/2026-W47.html",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.utf16.count < 4_000)
        let lines = r.out.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("|") || $0.hasPrefix("#") })
        #expect(lines.first == "*週次VOCレポート 2026-W47*")
        #expect(lines.contains { $0.hasPrefix("*要注意:*") })
        #expect(lines.filter { $0.range(of: #"^[1-9]\. "#, options: .regularExpression) != nil }.count == 5, "five top issues")
        #expect(lines.last == "<https://voc.example.com/2026-W47.html|全文レポートを開く>")
        #expect(r.out.contains("<https://example.zendesk.com/agent/tickets/"))
    }

    @Test(arguments: [
        (["--ticket-url", "https://t.example/tickets/"], "--ticket-url 'https://t.example/tickets/' has no {id}"),
        (["--ticket-url", "javascript:alert(1)//{id}"], "must start with http:// or https://"),
        (["--ticket-url", "https://t.example/{id} x"], "percent-encode it"),
        (["--format", "slack", "--report-url", "file:///tmp/r.html"], "--report-url 'file:///tmp/r.html' must start with http:// or https://"),
        (["--format", "slack", "--report-url", "https://"], "has no host name"),
    ])
    func badURLsAreUsageErrors(extra: [String], message: String) throws {
        let r = try report(extra)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// The same template in every format, its `&` escaped as each format needs; in Markdown
    /// and HTML every quote's id links (the digest shows only a few ids).
    @Test(arguments: [("markdown", #"\[(\d+)\]\(<https://t\.example/t\?id=\1&x=1>\)"#),
                      ("html", #"<a href="https://t\.example/t\?id=(\d+)&amp;x=1" rel="noreferrer">\1</a>"#),
                      ("slack", #"<https://t\.example/t\?id=(\d+)&amp;x=1\|\1>"#)])
    func ticketIdsLinkInEachFormat(format: String, pattern: String) throws {
        let r = try report(["--format", format, "--ticket-url", "https://t.example/t?id={id}&x=1"])
        #expect(r.status == 0, "\(r.stderr)")
        let regex = try NSRegularExpression(pattern: pattern)
        let links = regex.numberOfMatches(in: r.out, range: NSRange(r.out.startIndex..., in: r.out))
        #expect(links > 0)
        #expect(links == r.out.components(separatedBy: "t.example/t?id=").count - 1, "every link has that form")
        if format != "slack" {
            let quotes = r.out.components(separatedBy: format == "html" ? "<footer>" : "　— ").count - 1
            #expect(links == quotes)
        }
    }

    /// An e-mail address used as the account id is masked in the digest as in the report.
    @Test func churnAccountsAreMasked() throws {
        let input = """
            id,created_at,body,account_id,plan
            1,2026-11-17 10:00,来月で解約します。他社に乗り換えることにしました。,hanako@example.jp,business
            2,2026-11-18 10:00,ログインできません,ACME-1,starter

            """
        let r = try KoeRunner.run(["report", "--week", "2026-W47", "--format", "slack", "-q"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.out.contains("hanako"))
        #expect(r.out.range(of: #"\n• 〔メール〕-[0-9a-f]{4}（business）：解約意向"#, options: .regularExpression) != nil, "\(r.out)")
        #expect(r.out.contains("*主な課題*\n今週は該当なし"))
        #expect(r.out.utf16.count < 4_000)
    }

    @Test func reportURLWithAnotherFormatIsAnnounced() throws {
        let r = try KoeRunner.run(["report", "report-fixture.csv", "--week", "2026-W47", "--report-url", "https://voc.example.com/"],
                                  in: Self.fixtures)
        #expect(r.status == 0)
        #expect(r.stderr.contains("--report-url is used by --format slack only"))
        #expect(!r.out.contains("voc.example.com"))
    }
}
