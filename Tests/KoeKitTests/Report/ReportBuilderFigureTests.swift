import Testing
@testable import KoeKit

/// The builder's figures on small hand-made weeks, each expected value worked out by hand in
/// the comment beside it.
@Suite struct ReportBuilderFigureTests {
    typealias F = ReportItemFactory

    @Test func issueSharesAreOfEveryDissatisfiedItemOfTheWeek() throws {
        // Report week: login issue 2 dissatisfied + 1 mixed leaning dissatisfied (3), billing
        // issue 2, one dissatisfied item alike no other (not in any issue), 2 neutral items.
        // Denominator: 3 + 2 + 1 = 6 dissatisfied items, clustered or not; neutral ones do not count.
        var items = F.issue(["ログイン", "失敗"], count: 2, prefix: "login")
        items.append(F.item("login-mixed", stance: .mixed, dominant: .dissatisfaction, issue: ["ログイン", "失敗"]))
        items += F.issue(["請求", "二重"], count: 2, prefix: "bill")
        items.append(F.item("alone", issue: ["配送"]))
        items += [F.item("n1", stance: .neutral), F.item("n2", stance: .neutral)]
        let report = try F.build(items)
        #expect(report.stance.dissatisfaction == .init(count: 6, total: 8))
        #expect(report.topIssues.map(\.count) == [3, 2])
        #expect(report.topIssues.map(\.share) == [.init(count: 3, total: 6), .init(count: 2, total: 6)])
        #expect(report.topIssues.map(\.dissatisfaction) == [.init(count: 3, total: 3), .init(count: 2, total: 2)])
        #expect(report.topIssues[0].share.value == 0.5)
    }

    @Test func issuesOfEqualCountKeepTheOrderTheyWereNumberedIn() throws {
        // Eleven issues of two items each: the clusterer numbers them c1…c11 by their first key
        // (issue-00 … issue-10). Equal counts fall back to that numbering, so the ten rows shown
        // are c1…c10 — a text comparison would put c10 and c11 before c2 and drop c9.
        var items: [ReportItem] = []
        for n in 0..<11 {
            items += F.issue(["課題\(n)", "症状\(n)"], count: 2, prefix: String(format: "issue-%02d", n))
        }
        let report = try F.build(items)
        #expect(report.topIssues.map(\.id) == (1...10).map { "c\($0)" })
    }

    @Test func featureRequestSharesAreOfItemsWithTheSignal() throws {
        // Three items ask for the same thing, one for something else: 3 of 4 feature requests.
        var items = (0..<3).map { F.item("fr\($0)", stance: .neutral, signals: [.init(id: "feature_request")], issue: ["CSV", "出力"]) }
        items.append(F.item("fr-other", stance: .neutral, signals: [.init(id: "feature_request")], issue: ["ダーク", "モード"]))
        let report = try F.build(items)
        #expect(report.featureRequests.map(\.share) == [.init(count: 3, total: 4)])
    }

    /// Login items per baseline week, oldest first: mean 18 / 8 = 2.25, variance
    /// (6 × 0.25² + 2 × 0.75²) / 8 = 0.1875, sd 0.433; the floor max(sd, 1, √2.25) is 1.5.
    static let loginBaseline = [2, 2, 3, 2, 2, 3, 2, 2]

    static func loginWeeks(thisWeek: Int) -> [ReportItem] {
        var items: [ReportItem] = []
        for (index, n) in loginBaseline.enumerated() {
            items += F.issue(["ログイン", "失敗"], count: n, weeksBefore: 8 - index, prefix: "login")
        }
        return items + F.issue(["ログイン", "失敗"], count: thisWeek, prefix: "login")
    }

    @Test func spikesUseTheFlooredStandardDeviation() throws {
        // Login: 7 this week → z = (7 − 2.25) / 1.5 = 3.17, a spike (≥ 3, ≥ 5 items).
        // Billing: 2, 0, 2, 0 … → mean 1, sd 1, floor 1; 6 this week → z = 5.0.
        // Export: 1 a week, 3 now → not new, z = 2 and below the spike minimum of 5 items.
        var items = Self.loginWeeks(thisWeek: 7)
        for w in 1...8 {
            items += F.issue(["請求", "二重"], count: w % 2 == 0 ? 2 : 0, weeksBefore: w, prefix: "bill")
            items += F.issue(["エクスポート", "文字化け"], count: 1, weeksBefore: w, prefix: "export")
        }
        items += F.issue(["請求", "二重"], count: 6, prefix: "bill")
        items += F.issue(["エクスポート", "文字化け"], count: 3, prefix: "export")
        let report = try F.build(items)
        let rows = report.emerging.issues
        #expect(rows.map(\.count) == [7, 6])
        #expect(rows.map(\.reason) == [.spike, .spike])
        #expect(rows.map(\.baselineMean) == [2.25, 1])
        #expect(rows.map(\.baselineStandardDeviation) == [(0.1875 as Double).squareRoot(), 1])
        #expect(rows.map(\.zScore) == [4.75 / 1.5, 5.0])
        #expect(report.header.baselineWeeks.count == 8)
    }

    @Test func theSquareRootFloorKeepsSmallCountsFromSpiking() throws {
        // 6 login items: z = (6 − 2.25) / 1.5 = 2.5 < 3. With the floor at max(sd, 1) alone it
        // would be 3.75 and a spike.
        #expect(try F.build(Self.loginWeeks(thisWeek: 6)).emerging.issues.isEmpty)
    }

    @Test func aNewIssueNeedsABaselineAndThreeItems() throws {
        // Baseline weeks exist (other items), the issue appears only this week with 3 items.
        var items = (1...2).map { F.item("old\($0)", weeksBefore: $0, stance: .neutral) }
        items += F.issue(["アプリ", "クラッシュ"], count: 3, prefix: "crash")
        let rows = try F.build(items).emerging.issues
        #expect(rows.map(\.reason) == [.new])
        #expect(rows.first?.zScore == nil)
        // Two items are not enough.
        let fewer = try F.build(Array(items.dropLast())).emerging.issues
        #expect(fewer.isEmpty)
    }

    @Test(arguments: [
        // The data ends on a Sunday: that week is complete.
        (["2026-11-16", "2026-11-22"], "2026-W47"),
        // It ends on a Wednesday: that week is still open, the week before is reported.
        (["2026-11-20", "2026-11-25"], "2026-W47"),
        // Nothing before the open week: it is the only week there is.
        (["2026-11-24", "2026-11-25"], "2026-W48"),
        // A gap week before the open week: no data in W47, so W48 itself.
        (["2026-11-11", "2026-11-25"], "2026-W48"),
    ])
    func latestCompleteWeek(dates: [String], expected: String) {
        let week = ReportBuilder.latestCompleteWeek(DefaultWeekTests.dates(dates))
        #expect(week?.description == expected)
    }

    @Test func theChosenWeekIsTheLatestCompleteOne() throws {
        // W48 holds only Monday and Tuesday: the report is W47 and W48's items are outside it.
        let items = [F.item("a", weeksBefore: 0), F.item("b", weeksBefore: -1, weekday: 1), F.item("c", weeksBefore: -1, weekday: 2)]
        let report = try F.build(items, week: nil)
        #expect(report.header.week.description == "2026-W47")
        #expect(report.header.recordsInWeek == 1)
        #expect(report.header.skipped == ["outside_period": 2])
    }

    @Test func churnRiskIsRankedFirmBeforeConditionalThenBySignalsThenStrength() throws {
        // Key: (firm, number of risk signals, summed strength), larger first, then account id.
        // C: firm, 2 signals → first. D: firm, 1 signal, 3.0 → before A: firm, 1 signal, 2.0.
        // B: conditional with 2 signals → after every firm one. E and F tie → by id.
        let items = [
            F.item("a1", signals: [.init(id: "churn_intent", strength: 2)], account: "A"),
            F.item("b1", signals: [.init(id: "churn_intent", conditional: true), .init(id: "competitor_switch", conditional: true)], account: "B"),
            F.item("c1", signals: [.init(id: "churn_intent"), .init(id: "competitor_switch")], account: "C"),
            F.item("d1", signals: [.init(id: "churn_intent", strength: 3)], account: "D"),
            F.item("f1", signals: [.init(id: "churn_intent")], account: "F"),
            F.item("e1", signals: [.init(id: "churn_intent")], account: "E"),
            // Not a risk signal, and an item without an account: neither makes a row.
            F.item("g1", signals: [.init(id: "high_effort", strength: 5)], account: "G"),
            F.item("h1", signals: [.init(id: "churn_intent", strength: 9)]),
        ]
        let risk = try F.build(items).churnRisk
        #expect(risk.map(\.account) == ["C", "D", "A", "E", "F", "B"])
        #expect(risk.map(\.conditional) == [false, false, false, false, false, true])
        #expect(risk.first?.signals == ["churn_intent", "competitor_switch"])
    }

    @Test func churnRiskCountsEarlierWeeksAndQuotesTheStrongestTicket() throws {
        // A showed risk two and three weeks ago (not last week); this week two tickets, the
        // stronger (a-strong, 2.5) is quoted.
        let items = [
            F.item("a-w3", weeksBefore: 3, signals: [.init(id: "churn_intent")], account: "A"),
            F.item("a-w2", weeksBefore: 2, signals: [.init(id: "competitor_switch")], account: "A"),
            F.item("a-w1", weeksBefore: 1, signals: [.init(id: "high_effort")], account: "A"),
            F.item("a-weak", signals: [.init(id: "churn_intent", strength: 1)], account: "A"),
            F.item("a-strong", signals: [.init(id: "churn_intent", strength: 2.5)], account: "A"),
        ]
        let risk = try #require(try F.build(items).churnRisk.first)
        #expect(risk.previousWeeksWithRisk == 2)
        #expect(risk.tickets == 2)
        #expect(risk.quote.id == "a-strong")
    }
}
