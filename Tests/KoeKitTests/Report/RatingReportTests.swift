import Testing
@testable import KoeKit

/// The rating section on small hand-made weeks; every expected figure is worked out by hand
/// in the comment beside it.
@Suite struct RatingReportTests {
    typealias F = ReportItemFactory

    /// Five-point week W47 (values as written → as read):
    /// - login issue, 4 dissatisfied tickets: 1, 2, 1, blank (no rating);
    /// - billing issue, 3 dissatisfied tickets: 2, 4, とても悪い (unreadable);
    /// - six neutral tickets in no issue: 5, ５ (full width), 4, 3, 4/5, ★★★★★.
    /// W46: three neutral tickets rated 5, 4, 2.
    static var fiveWeek: [ReportItem] {
        let login = ["ログイン", "失敗"], billing = ["請求", "二重"]
        var items = zip(["1", "2", "1", nil], 0...).map { F.item("login-\($1)", issue: login, rating: $0) }
        items += zip(["2", "4", "とても悪い"], 0...).map { F.item("bill-\($1)", issue: billing, rating: $0) }
        items += zip(["5", "５", "4", "3", "4/5", "★★★★★"], 0...).map { F.item("n-\($1)", stance: .neutral, rating: $0) }
        items += zip(["5", "4", "2"], 0...).map { F.item("prev-\($1)", weeksBefore: 1, stance: .neutral, rating: $0) }
        return items
    }

    @Test func fivePointWeekScoresAndTrend() throws {
        let ratings = try #require(try F.build(Self.fiveWeek).ratings)
        // No value is 0 or above 5: five-point, detected.
        #expect(ratings.scale == .five)
        #expect(ratings.scaleSource == "detected")
        // Rated W47: 1, 2, 1 | 2, 4 | 5, 5, 4, 3, 4, 5 = 11 tickets; W46: 3. Input: 14 rated, 1 unreadable.
        #expect(ratings.inputRated == 14)
        #expect(ratings.inputUnreadable == 1)
        let week = ratings.week.figures
        #expect(week.rated == 11)
        // Low (1–2): 1, 2, 1, 2 = 4 of 11; high (4–5): 4, 5, 5, 4, 4, 5 = 6 of 11.
        #expect(week.low == .init(count: 4, total: 11))
        #expect(week.high == .init(count: 6, total: 11))
        // Sum 1+2+1+2+4+5+5+4+3+4+5 = 36, mean 36/11; CSAT 6/11 = 54.5%.
        #expect(week.sum == 36)
        #expect(week.mean == 36.0 / 11)
        #expect(week.score == 600.0 / 11)
        #expect(ratings.week.unreadable == 1)
        // W46: 5, 4, 2 → CSAT 2/3, low 1/3; the trend runs W46, W47.
        #expect(ratings.previous?.figures.high == .init(count: 2, total: 3))
        #expect(ratings.previous?.figures.low == .init(count: 1, total: 3))
        #expect(ratings.weeks.map(\.week.description) == ["2026-W46", "2026-W47"])
        #expect(ratings.weeks.map(\.figures.rated) == [3, 11])
    }

    @Test func issuesThatLowerTheScore() throws {
        let report = try F.build(Self.fiveWeek)
        let ratings = try #require(report.ratings)
        let login = try #require(report.topIssues.first { $0.count == 4 })
        let billing = try #require(report.topIssues.first { $0.count == 3 })
        // Login: rated 1, 2, 1 → 3 of 3 low, sum 4. Billing: 2, 4 → 1 of 2 low, 1 of 2 high.
        #expect(ratings.issues.map(\.id) == [login.id, billing.id])
        #expect(ratings.issues.map(\.figures.low) == [.init(count: 3, total: 3), .init(count: 1, total: 2)])
        #expect(ratings.issues.map(\.figures.sum) == [4, 6])
        // Without login: 8 rated, 6 high → CSAT 75%, a rise of 75 − 600/11 = 20.45 points.
        // Without billing: 9 rated, 5 high → 55.6%, a rise of 500/9 − 600/11 = 1.01 points.
        // Login lowers the score most.
        #expect(ratings.lowering.map(\.id) == [login.id, billing.id])
        #expect(ratings.lowering.map(\.without.rated) == [8, 9])
        #expect(ratings.lowering.map(\.without.high) == [.init(count: 6, total: 8), .init(count: 5, total: 9)])
        #expect(ratings.lowering.map(\.lift) == [75 - 600.0 / 11, 500.0 / 9 - 600.0 / 11])
    }

    @Test func npsWeekIsDetectedAndScored() throws {
        // W47: login issue rated 0 and 6 (2 detractors); neutral tickets 10, 10, 9, 8, 7.
        // A 0 and values above 5: NPS. Rated 7, promoters 3 (10, 10, 9), detractors 2 (0, 6):
        // NPS (3 − 2) / 7 = +14.29. Without login: 5 rated, 3 promoters, 0 detractors → +60,
        // a rise of 60 − 100/7 = 45.71.
        var items = zip(["0", "6"], 0...).map { F.item("login-\($1)", issue: ["ログイン", "失敗"], rating: $0) }
        items += zip(["10", "10", "9/10", "8", "7"], 0...).map { F.item("n-\($1)", stance: .neutral, rating: $0) }
        let ratings = try #require(try F.build(items).ratings)
        #expect(ratings.scale == .nps)
        #expect(ratings.week.figures.high == .init(count: 3, total: 7))
        #expect(ratings.week.figures.low == .init(count: 2, total: 7))
        #expect(ratings.week.figures.score == 100.0 / 7)
        #expect(ratings.issues.map(\.figures.low) == [.init(count: 2, total: 2)])
        #expect(ratings.lowering.map(\.lift) == [60 - 100.0 / 7])
        #expect(ratings.previous == nil)
    }

    @Test func aGivenScaleCountsValuesOffItApart() throws {
        // Forced five-point on 0, 7, 4, 2: 0 and 7 are outside 1–5; rated 2 (4, 2), CSAT 1/2.
        let items = zip(["0", "7", "4", "2"], 0...).map { F.item("n-\($1)", stance: .neutral, rating: $0) }
        let ratings = try #require(try F.build(items, ratingScale: .five).ratings)
        #expect(ratings.scale == .five)
        #expect(ratings.scaleSource == "option")
        #expect(ratings.inputRated == 2)
        #expect(ratings.inputOutsideScale == 2)
        #expect(ratings.week.outsideScale == 2)
        #expect(ratings.week.figures.high == .init(count: 1, total: 2))
        // Detected instead: a 0 and a 7 make it NPS, all four on the scale.
        #expect(try F.build(items).ratings?.scale == .nps)
    }

    @Test func noRatingNoSection() throws {
        let items = F.issue(["ログイン", "失敗"], count: 3, prefix: "login")
        #expect(try F.build(items).ratings == nil)
        // Only unreadable values: a section without a scale, so the count is not lost.
        let unreadable = [F.item("a", stance: .neutral, rating: "良い"), F.item("b", stance: .neutral, rating: "12")]
        let ratings = try #require(try F.build(unreadable).ratings)
        #expect(ratings.scale == nil)
        #expect(ratings.inputUnreadable == 2)
        #expect(ratings.lowering.isEmpty)
    }
}
