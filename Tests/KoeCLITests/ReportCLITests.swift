import Foundation
import Testing

/// `koe report` end to end on a small fixed fixture (three weeks, fixed week W47): golden
/// Markdown, HTML and JSON, escaping, masking and week boundaries.
@Suite struct ReportCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let input = fixtures.appendingPathComponent("report-fixture.csv").path

    /// Run in the fixture folder with a relative path, so the golden files do not depend on
    /// where the checkout lives.
    func report(_ format: String, _ extra: [String] = []) throws -> KoeRunner.Result {
        try KoeRunner.run(
            ["report", "report-fixture.csv", "--week", "2026-W47", "--format", format, "-q"] + extra, in: Self.fixtures)
    }

    @Test(arguments: [("markdown", "report-fixture.md"), ("html", "report-fixture.html"), ("json", "report-fixture.json")])
    func matchesGoldenFile(format: String, golden: String) throws {
        let r = try report(format)
        #expect(r.status == 0, "\(r.stderr)")
        let url = Self.fixtures.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["KOE_RECORD"] == "1" {
            try r.stdout.write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(r.out == expected, "\(golden) differs; re-record with KOE_RECORD=1 and review the diff")
    }

    /// Ticket 5019's markup reaches no section of this fixture; ReportEscapingCLITests puts
    /// hostile text into every section and checks each.
    @Test func theReportItselfHasNoScript() throws {
        let html = try report("html").out
        #expect(!html.contains("<script"), "the report itself has no scripts")
        #expect(html.contains("default-src 'none'"), "the Content-Security-Policy forbids fetches and scripts")
    }

    @Test func quotesMaskPersonalDataUnlessAskedNotTo() throws {
        let masked = try report("markdown").out
        #expect(!masked.contains("taro@example.com"))
        #expect(!masked.contains("03-1234-5678"))
        // The churn quote holds the contact details: masked, not cut away.
        #expect(masked.contains("〔メール〕 / 〔電話番号〕"))
        let raw = try report("markdown", ["--no-mask"]).out
        #expect(raw.contains("taro@example.com"))
    }

    @Test func weekBoundariesAndUndatedRecords() throws {
        let json = try report("json").stdout
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let header = try #require(object["header"] as? [String: Any])
        // W47 runs Monday 2026-11-16 00:00 to Sunday 2026-11-22 23:59 (Tokyo): 11 tickets;
        // the one at Sunday 2026-11-15 23:59 belongs to W46.
        #expect(header["records_in_week"] as? Int == 11)
        #expect((header["skipped"] as? [String: Int])?["no_date"] == 1)
        #expect(header["records_read"] as? Int == 24)
        let churn = try #require(object["churn_risk"] as? [[String: Any]])
        #expect(churn.contains { $0["account"] as? String == "NAMI-0003" })
        let emerging = try #require((object["emerging"] as? [String: Any])?["issues"] as? [[String: Any]])
        #expect(emerging.contains { ($0["label"] as? String)?.contains("請求書") == true && $0["reason"] as? String == "new" })
    }

    @Test func sameReportWhateverTheInputOrder() throws {
        let lines = try String(contentsOfFile: Self.input, encoding: .utf8).split(separator: "\n")
        var rng = SystemRandomNumberGenerator()
        let shuffled = ([lines[0]] + lines.dropFirst().shuffled(using: &rng)).joined(separator: "\n") + "\n"
        let a = try report("json")
        let b = try KoeRunner.run(["report", "--input-format", "csv", "--week", "2026-W47", "--format", "json", "-q"], stdin: Data(shuffled.utf8))
        #expect(b.status == 0)
        let strip = { (s: String) in s.replacingOccurrences(of: "report-fixture.csv", with: "<stdin>") }
        #expect(strip(a.out) == b.out)
    }

    @Test func badWeekIsAUsageError() throws {
        let r = try KoeRunner.run(["report", Self.input, "--week", "W47"])
        #expect(r.status == 64)
    }
}
