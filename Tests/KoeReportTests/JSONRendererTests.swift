import Foundation
import KoeKit
import Testing
@testable import KoeReport

@Suite("JSON output")
struct JSONRendererTests {
    @Test(arguments: [ReportFixtures.full, ReportFixtures.empty])
    func roundTripsToTheRoundedReport(report: WeeklyReport) throws {
        let json = try JSONRenderer().render(report)
        let decoded = try JSONRenderer.makeDecoder().decode(WeeklyReport.self, from: Data(json.utf8))
        #expect(decoded == report.roundedForJSON())
        #expect(try JSONRenderer().render(decoded) == json)
    }

    @Test func reportWithRoundedValuesRoundTripsExactly() throws {
        let report = ReportFixtures.full.roundedForJSON()
        let decoded = try JSONRenderer.makeDecoder().decode(WeeklyReport.self, from: Data(try JSONRenderer().render(report).utf8))
        #expect(decoded == report)
    }

    @Test func keysAreSnakeCaseAndSorted() throws {
        let json = try JSONRenderer().render(ReportFixtures.full)
        #expect(json.contains(#""schema_version" : 2"#))
        #expect(json.contains(#""baseline_dissatisfaction_share" : 0.2753"#))
        #expect(json.contains(#""baseline_standard_deviation" : 4.1"#))
        #expect(json.contains(#""records_in_week" : 455"#))
        #expect(json.contains(#""exports/zendesk_2026-11.json""#))  // slashes unescaped
        #expect(!json.contains("schemaVersion"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 2)
        let header = try #require(json.range(of: #""header""#)?.lowerBound)
        let volume = try #require(json.range(of: #""volume""#)?.lowerBound)
        #expect(header < volume)
    }

    @Test func doublesAreRounded() throws {
        let json = try JSONRenderer().render(ReportFixtures.full)
        #expect(json.contains(#""baseline_dissatisfaction_share" : 0.2753"#))
        #expect(json.contains(#""z_score" : 6.52"#))
        #expect(json.contains(#""baseline_mean" : 0.38"#))           // 0.375 → 0.38
        #expect(json.range(of: #"\d\.\d{5,}"#, options: .regularExpression) == nil)
    }

    @Test func issueSharesCarryTheirCounts() throws {
        let json = try JSONRenderer().render(ReportFixtures.full)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let top = try #require((object["top_issues"] as? [[String: Any]])?.first)
        #expect(top["share"] as? [String: Int] == ["count": 96, "total": 380])
        #expect(top["dissatisfaction"] as? [String: Int] == ["count": 78, "total": 96])
        #expect(!json.contains("dissatisfaction_rate"))
    }

    @Test func channelKeysAreNotConverted() throws {
        let json = try JSONRenderer().render(ReportFixtures.full)
        #expect(json.contains(#""app_review" : 52"#))
        #expect(json.contains(#""web_form" : 78"#))
    }

    @Test func nonFiniteNumbersAreReportedNotWritten() {
        var report = ReportFixtures.full
        report.emerging.issues[1].zScore = .nan
        #expect(throws: EncodingError.self) { try JSONRenderer().render(report) }
    }
}
