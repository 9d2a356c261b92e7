import KoeKit
import Testing
@testable import KoeReport

@Suite("Number formatting")
struct NumberTextTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (3_412, "3,412"), (1_234_567, "1,234,567"), (-1_500, "−1,500")])
    func countsGroupThousands(value: Int, expected: String) {
        #expect(NumberText.count(value) == expected)
    }

    @Test(arguments: [(0.3121, "31.2%"), (0.0, "0.0%"), (1.0, "100.0%"), (0.0625, "6.3%"), (0.99951, "100.0%")])
    func percentsHaveOneDecimal(share: Double, expected: String) {
        #expect(NumberText.percent(share) == expected)
    }

    @Test(arguments: [(142.0 / 455, 121.0 / 432, "+3.2pt"), (0.105, 0.118, "−1.3pt"), (0.25, 0.2504, "±0.0pt")])
    func pointDeltasAreSignedAndConsistentWithDisplayedRates(share: Double, previous: Double, expected: String) {
        #expect(NumberText.pointDelta(share, from: previous) == expected)
    }

    @Test(arguments: [(18, "+18"), (-3, "−3"), (0, "±0")])
    func signedCounts(value: Int, expected: String) {
        #expect(NumberText.signed(value) == expected)
    }

    @Test(arguments: [(182, 170, "+7.1%"), (22, 23, "−4.3%"), (5, 0, "—"), (10, 10, "±0.0%")])
    func percentChange(current: Int, previous: Int, expected: String) {
        #expect(NumberText.percentChange(current, from: previous) == expected)
    }

    @Test(arguments: [(6.524, 1, "6.5"), (-1.25, 1, "−1.3"), (14.25, 1, "14.3"), (2.0, 2, "2.00"), (Double.nan, 1, "—")])
    func decimalsRoundHalfAwayFromZero(value: Double, places: Int, expected: String) {
        #expect(NumberText.decimal(value, places: places) == expected)
    }

    @Test func missingPreviousWeekReadsAsDash() {
        let rate = WeeklyReport.Rate(count: 3, total: 12)
        #expect(ReportFacts.rate(rate) == "25.0%（3/12件、前週 —）")
        #expect(ReportFacts.countDelta(12, previous: nil) == "—")
        #expect(ReportFacts.rate(WeeklyReport.Rate(count: 0, total: 0)) == "—（0/0件、前週 —）")
    }

    @Test func issueSharesAreWrittenWithTheirOwnDenominator() {
        #expect(ReportFacts.share(ReportFixtures.topIssues[0].share) == "25.3%（96/380件）")
        #expect(ReportFacts.share(ReportFixtures.topIssues[0].dissatisfaction) == "81.3%（78/96件）")
        #expect(ReportFacts.share(WeeklyReport.Share(count: 0, total: 0)) == "—（0/0件）")
        #expect(ReportFacts.commonDenominator(ReportFixtures.topIssues) == 380)
        var rows = ReportFixtures.topIssues
        rows[1].share.total = 379
        #expect(ReportFacts.commonDenominator(rows) == nil)
        #expect(ReportFacts.commonDenominator([]) == nil)
    }
}
