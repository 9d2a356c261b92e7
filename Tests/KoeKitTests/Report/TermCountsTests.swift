import Testing
@testable import KoeKit

/// Weeks count their terms by the ids of one shared `TermTable`: each term once per item,
/// per week, in the order the week first used it.
@Suite struct TermCountsTests {
    @Test func eachWeekCountsItsItemsThatUseATermOnce() {
        var table = TermTable()
        var first = TermCounts(), second = TermCounts()
        let items: [(Int, [String])] = [
            (1, ["請求書", "ログイン", "請求書"]),
            (2, ["ログイン"]),
            (1, ["ログイン", "通知"]),
            (2, ["請求書", "請求書"]),
        ]
        for (week, words) in items {
            for id in table.ids(of: words) {
                if week == 1 { first.increment(id) } else { second.increment(id) }
            }
        }
        func counts(_ c: TermCounts) -> [String: Int32] {
            Dictionary(uniqueKeysWithValues: zip(c.order.map(table.name), c.counts))
        }
        #expect(counts(first) == ["請求書": 1, "ログイン": 2, "通知": 1])
        #expect(first.order.map(table.name) == ["請求書", "ログイン", "通知"])
        #expect(counts(second) == ["ログイン": 1, "請求書": 1])
        #expect(second.order.map(table.name) == ["ログイン", "請求書"])
    }

    /// Thousands of terms: the table grows and every count stays with its term.
    @Test func countsSurviveTheTableGrowing() {
        var table = TermTable()
        var week = TermCounts()
        for k in 0..<5_000 {
            for id in table.ids(of: ["語\(k)", "語\(k / 2)"]) { week.increment(id) }
        }
        let counts = Dictionary(uniqueKeysWithValues: zip(week.order.map(table.name), week.counts))
        #expect(counts.count == 5_000)
        // 語j: once as 語k (k = j) and, for j < 2,500, twice as 語(k/2); 語0's item names it twice.
        for j in [0, 1, 7, 2_499, 2_500, 4_999] {
            let expected: Int32 = j == 0 ? 2 : (j < 2_500 ? 3 : 1)
            #expect(counts["語\(j)"] == expected, "語\(j)")
        }
    }
}
