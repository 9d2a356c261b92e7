import Testing
@testable import KoeReport

@Suite("Golden reports (KOE_RECORD=1 re-records)")
struct GoldenReportTests {
    @Test func markdownMatchesGolden() throws {
        try GoldenFile.assertMatches(try MarkdownRenderer().render(ReportFixtures.full), named: "weekly-report-full.md")
    }

    @Test func htmlMatchesGolden() throws {
        try GoldenFile.assertMatches(try HTMLRenderer().render(ReportFixtures.full), named: "weekly-report-full.html")
    }

    @Test func jsonMatchesGolden() throws {
        try GoldenFile.assertMatches(try JSONRenderer().render(ReportFixtures.full), named: "weekly-report-full.json")
    }

    @Test func emptyMarkdownMatchesGolden() throws {
        try GoldenFile.assertMatches(try MarkdownRenderer().render(ReportFixtures.empty), named: "weekly-report-empty.md")
    }

    @Test func emptyHTMLMatchesGolden() throws {
        try GoldenFile.assertMatches(try HTMLRenderer().render(ReportFixtures.empty), named: "weekly-report-empty.html")
    }

    @Test(arguments: ReportFormat.allCases)
    func renderingIsDeterministic(format: ReportFormat) throws {
        let first = try format.renderer.render(ReportFixtures.full)
        let second = try format.renderer.render(ReportFixtures.full)
        #expect(first == second)
        #expect(!first.isEmpty)
    }
}
