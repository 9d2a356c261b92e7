import Foundation
import KoeHistory
import KoeKit
import Testing

@Suite("Weekly aggregates")
struct HistoryStoreWeekTests {
    @Test func reIngestingAWeekNeverDoubleCounts() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        let candidates = [
            Fixture.candidate(["ログイン", "二段階認証", "sms"], members: Fixture.keys("t", 1...5)),
            Fixture.candidate(["csv", "出力", "機能"], members: Fixture.keys("t", 6...8), kind: .featureRequest),
        ]
        let first = try store.ingest("2026-W46", candidates)
        let afterOnce = try store.weeks()
        let storedOnce = try store.aggregate(for: "2026-W46")
        let issuesOnce = try store.issues(activeSince: "2026-W01")

        // Same week again: fresh assignment (as a second run would do), then the very same save.
        let second = try store.ingest("2026-W46", candidates)
        try store.save(week: Fixture.aggregate("2026-W46"), issues: Array(zip(second, candidates)).map { ($0, $1) })

        #expect(second.map(\.id) == first.map(\.id))
        #expect(try store.aggregate(for: "2026-W46") == storedOnce)
        #expect(try store.issues(activeSince: "2026-W01") == issuesOnce)
        let after = try store.weeks()
        #expect(after.count == 1)
        #expect(after[0].total == afterOnce[0].total)
        #expect(after[0].issues == 2)
        #expect(after[0].savedRuns == 3)
        #expect(issuesOnce.map(\.weeksActive) == [1, 1])
    }

    @Test func aggregatesRoundTripEqual() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        var week = Fixture.aggregate("2026-W45", issues: ["legacy-1": 3])
        week.featureRequests = ["legacy-f": 2]
        week.riskAccounts = ["b", "a", "b"]
        week.ratingFacet = ["0": 1, "4": 2, "10": 3, "unreadable": 1]
        try store.save(week: week, issues: [])
        try store.save(week: week, issues: [])
        #expect(try store.aggregate(for: "2026-W45") == week)
    }

    @Test func storedIssueCountsAreKeyedByAssignedIDs() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        let candidates = [
            Fixture.candidate(["ログイン", "sms"], members: Fixture.keys("a", 1...4)),
            Fixture.candidate(["ダークモード", "要望"], members: Fixture.keys("b", 1...2), kind: .featureRequest),
        ]
        try store.ingest("2026-W46", candidates)
        let stored = try #require(try store.aggregate(for: "2026-W46"))
        #expect(stored.issues == ["I0001": 4])
        #expect(stored.featureRequests == ["F0001": 2])
    }

    @Test func aggregatesBeforeAWeekAreOldestFirstAndLimited() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        for (n, week) in ["2026-W40", "2026-W42", "2026-W43", "2026-W45", "2026-W47"].enumerated() {
            try store.save(week: Fixture.aggregate(week, total: 100 + n), issues: [])
        }
        #expect(try store.aggregates(before: "2026-W45", limit: 2).map(\.week.description) == ["2026-W42", "2026-W43"])
        #expect(try store.aggregates(before: "2026-W46", limit: 8).map(\.total) == [100, 101, 102, 103])
        #expect(try store.aggregates(before: "2026-W40", limit: 8).isEmpty)
        #expect(try store.aggregates(before: "2027-W01", limit: 0).isEmpty)
    }

    @Test func droppingAWeekLeavesTheOthersIntact() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        let login = Fixture.candidate(["ログイン", "二段階認証", "sms", "届か"], members: Fixture.keys("a", 1...4))
        let invoice = Fixture.candidate(["請求書", "二重", "請求"], members: Fixture.keys("b", 1...3))
        try store.ingest("2026-W45", [login])
        let w46 = try store.ingest("2026-W46", [login, invoice])
        let keptW45 = try store.aggregate(for: "2026-W45")

        #expect(try store.drop(week: "2026-W46"))
        #expect(try store.drop(week: "2026-W46") == false)
        #expect(try store.weeks().map(\.week) == ["2026-W45"])
        #expect(try store.aggregate(for: "2026-W45") == keptW45)
        #expect(try store.aggregate(for: "2026-W46") == nil)
        // The invoice issue lived only in W46: gone, and its id is not handed out again.
        let remaining = try store.issues(activeSince: "2026-W01")
        #expect(remaining.map(\.id) == ["I0001"])
        #expect(remaining.first?.lastSeen == "2026-W45")
        let next = try store.assignIdentities([invoice], week: "2026-W46")
        #expect(w46[1].id == "I0002")
        #expect(next.map(\.id) == ["I0003"])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
