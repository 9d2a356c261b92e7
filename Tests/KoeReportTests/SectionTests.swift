import Foundation
import KoeKit
import Testing
@testable import KoeReport

@Suite("Sections and empty states")
struct SectionTests {
    /// Where each heading the report shows first appears; all must be present and in report order.
    private func headingOffsets(_ document: String, of report: WeeklyReport, marker: (String) -> String) -> [Int?] {
        ReportSection.shown(in: report).map { section in
            document.range(of: marker(section.heading)).map { document.distance(from: document.startIndex, to: $0.lowerBound) }
        }
    }

    @Test(arguments: [ReportFixtures.full, ReportFixtures.empty])
    func markdownSectionsAppearInOrder(report: WeeklyReport) throws {
        let markdown = try MarkdownRenderer().render(report)
        let offsets = headingOffsets(markdown, of: report) { "\n## \($0)\n" }
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    }

    @Test(arguments: [ReportFixtures.full, ReportFixtures.empty])
    func htmlSectionsAppearInOrder(report: WeeklyReport) throws {
        let html = try HTMLRenderer().render(report)
        let offsets = headingOffsets(html, of: report) { "<h2>\($0)</h2>" }
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func emptySectionsSaySo(format: ReportFormat) throws {
        let text = try format.renderer.render(ReportFixtures.empty)
        // summary, top issues, emerging, churn risk, 4 success lists, feature requests,
        // method, signal counts, rule hits, unclassified sample.
        #expect(occurrences(of: "今週は該当なし", in: text) >= 13)
        #expect(text.contains("比較できる前週のデータがありません"))
        #expect(text.contains("なし（比較できる過去の週がありません）"))
        #expect(!text.contains("前8週"))
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func emergingExplainsAMissingBaseline(format: ReportFormat) throws {
        #expect(try format.renderer.render(ReportFixtures.empty).contains("急増の判定は行っていません"))
        var report = ReportFixtures.empty
        report.emerging.note = "履歴が2週分しかないため判定を省略しました"
        let text = try format.renderer.render(report)
        #expect(text.contains("履歴が2週分しかないため判定を省略しました"))
        #expect(!text.contains("急増の判定は行っていません"))
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func fullReportHasNoEmptyStateForFilledSections(format: ReportFormat) throws {
        let text = try format.renderer.render(ReportFixtures.full)
        #expect(!text.contains("今週は該当なし"))
        #expect(!text.contains("比較できる前週のデータがありません"))
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func sharesShowDenominatorsAndSignedDeltas(format: ReportFormat) throws {
        // Read the HTML as text, without its tags (deltas are wrapped in coloured spans).
        let text = try format.renderer.render(ReportFixtures.full)
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(text.contains("31.2%（142/455件、前週 28.0%、+3.2pt）"))
        #expect(text.contains("25.3%（96/380件）"))            // issue share with clustered denominator
        #expect(text.contains("81.3%（78/96件）"))             // issue dissatisfaction rate
        #expect(text.contains("+12（+7.1%）"))                 // e-mail week over week
        #expect(text.contains("−1（−4.3%）"))                  // phone: 23 → 22
        #expect(text.contains("前8週平均: 27.5%（今週 31.2%、+3.7pt）"))
        #expect(text.contains("満足な解決: 10.5%（48/455件、前週 11.8%、−1.3pt）"))
        #expect(text.contains("収束しただけの顧客"))
    }

    @Test(arguments: [ReportFormat.markdown, .html])
    func churnSignalsUseJapaneseLabels(format: ReportFormat) throws {
        let text = try format.renderer.render(ReportFixtures.full)
        #expect(text.contains("解約意向、他社乗り換え"))
        #expect(text.contains("解約意向、更新の迷い"))
        #expect(text.contains("条件付き"))
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
