import Foundation
import KoeHistory
import KoeKit
import Testing

@Suite("Issue identities across weeks")
struct IssueIdentityTests {
    static let login1 = ["二段階認証", "sms", "届か", "ログイン", "認証コード", "再送", "topic:account_login", "signal:high_effort"]
    static let login2 = ["sms", "二段階認証", "認証コード", "届か", "ログイン", "機種変更", "topic:account_login", "再送"]
    static let login3 = ["二段階認証", "届か", "sms", "ログイン", "再送", "ワンタイム", "topic:account_login", "signal:repeat_contact"]
    static let invoice1 = ["請求書", "二重", "請求", "返金", "明細", "topic:billing_payment"]
    static let invoice2 = ["請求書", "二重", "請求", "明細", "カード", "返金"]
    static let export = ["csv", "文字化け", "エクスポート", "excel", "topic:data_import_export"]
    static let darkMode = ["ダークモード", "目", "夜", "要望"]
    static let shipping = ["配送", "遅延", "追跡番号", "倉庫", "topic:shipping_delivery"]

    @Test func persistingAppearingAndFadingIssuesOverThreeWeeks() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))

        let w1 = try store.ingest("2026-W44", [
            Fixture.candidate(Self.login1, members: Fixture.keys("a", 1...6), label: "二段階認証・sms・届か"),
            Fixture.candidate(Self.invoice1, members: Fixture.keys("b", 1...4)),
            Fixture.candidate(Self.darkMode, members: Fixture.keys("f", 1...3), kind: .featureRequest),
        ])
        #expect(w1.map(\.id) == ["I0001", "I0002", "F0001"])
        #expect(w1.map(\.isNew) == [true, true, true])

        // W2: new member ids everywhere, login's ranking (and so its label) shifts; export appears.
        let w2 = try store.ingest("2026-W45", [
            Fixture.candidate(Self.export, members: Fixture.keys("c", 101...104)),
            Fixture.candidate(Self.login2, members: Fixture.keys("a", 101...107), label: "sms・二段階認証・認証コード"),
            Fixture.candidate(Self.darkMode, members: Fixture.keys("f", 101...102), kind: .featureRequest),
            Fixture.candidate(Self.invoice2, members: Fixture.keys("b", 101...103)),
        ])
        #expect(w2.map(\.id) == ["I0003", "I0001", "F0001", "I0002"])
        #expect(w2.map(\.isNew) == [true, false, false, false])
        #expect(w2[1] == IssueAssignment(id: "I0001", isNew: false, firstSeen: ISOWeek("2026-W44")!, weeksActive: 2))

        // W3: invoice is gone; a shipping cluster borrows login's old label but shares no term.
        let w3 = try store.ingest("2026-W46", [
            Fixture.candidate(Self.login3, members: Fixture.keys("a", 201...205), label: "二段階認証・届か・sms"),
            Fixture.candidate(Self.shipping, members: Fixture.keys("d", 201...203), label: "二段階認証・sms・届か"),
            Fixture.candidate(Self.export, members: Fixture.keys("c", 201...202)),
        ])
        #expect(w3.map(\.id) == ["I0001", "I0004", "I0003"])
        #expect(w3[0] == IssueAssignment(id: "I0001", isNew: false, firstSeen: ISOWeek("2026-W44")!, weeksActive: 3))
        #expect(w3[1] == IssueAssignment(id: "I0004", isNew: true, firstSeen: ISOWeek("2026-W46")!, weeksActive: 1))

        let active = try store.issues(activeSince: "2026-W44")
        #expect(active.map(\.id) == ["F0001", "I0001", "I0002", "I0003", "I0004"])
        let invoice = try #require(active.first { $0.id == "I0002" })
        #expect(invoice == StoredIssue(
            id: "I0002", kind: "issue", label: "請求書・二重・請求", terms: Self.invoice2,
            firstSeen: "2026-W44", lastSeen: "2026-W45", weeksActive: 2))
        let fading = active.filter { $0.lastSeen < "2026-W46" }.map(\.id)
        #expect(fading == ["F0001", "I0002"])
        let login = try #require(active.first { $0.id == "I0001" })
        #expect(login.label == "二段階認証・届か・sms")
        #expect(try store.issues(activeSince: "2026-W46").map(\.id) == ["I0001", "I0003", "I0004"])
        #expect(try store.aggregate(for: "2026-W46")?.issues == ["I0001": 5, "I0004": 3, "I0003": 2])
    }

    @Test func theLabelIsNeverUsedForMatching() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        try store.ingest("2026-W44", [Fixture.candidate(Self.login1, members: Fixture.keys("a", 1...5), label: "ログイン")])
        let next = try store.assignIdentities([
            Fixture.candidate(Self.shipping, members: Fixture.keys("d", 1...4), label: "ログイン"),
            Fixture.candidate(Self.login2, members: Fixture.keys("a", 101...104), label: "まったく別のラベル"),
        ], week: "2026-W45")
        #expect(next.map(\.id) == ["I0002", "I0001"])
        #expect(next.map(\.isNew) == [true, false])
    }

    @Test func oneStoredIssueMatchesAtMostOneCandidateTheBestOne() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        try store.ingest("2026-W44", [Fixture.candidate(Self.login1, members: Fixture.keys("a", 1...5))])
        let weaker = Array(Self.login1.prefix(3)) + ["パスワード", "リセット", "メール"]
        let next = try store.assignIdentities([
            Fixture.candidate(weaker, members: Fixture.keys("p", 1...4)),
            Fixture.candidate(Self.login1, members: Fixture.keys("q", 1...4)),
        ], week: "2026-W45")
        #expect(next.map(\.id) == ["I0002", "I0001"])
    }

    @Test func memberOverlapMatchesEvenWhenTermsDrift() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        try store.ingest("2026-W44", [Fixture.candidate(Self.invoice1, members: Fixture.keys("t", 1...4))])
        let next = try store.assignIdentities([
            Fixture.candidate(Self.shipping, members: ["t1", "t2", "t3", "t9"]),
            Fixture.candidate(Self.export, members: ["t4", "x1", "x2"]),
        ], week: "2026-W45")
        // 3 of 4 shared ids match; a single shared id is not enough.
        #expect(next.map(\.id) == ["I0001", "I0002"])
    }

    @Test func kindsNeverCross() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        try store.ingest("2026-W44", [Fixture.candidate(Self.export, members: Fixture.keys("a", 1...3))])
        let next = try store.assignIdentities(
            [Fixture.candidate(Self.export, members: Fixture.keys("a", 1...3), kind: .featureRequest)], week: "2026-W45")
        #expect(next.map(\.id) == ["F0001"])
    }

    @Test func assigningDoesNotWrite() throws {
        let dir = try TemporaryDirectory()
        let store = try HistoryStore(path: dir.path("h.sqlite"))
        let candidates = [Fixture.candidate(Self.login1, members: Fixture.keys("a", 1...3))]
        let first = try store.assignIdentities(candidates, week: "2026-W44")
        let again = try store.assignIdentities(candidates, week: "2026-W44")
        #expect(first == again)
        #expect(first.map(\.id) == ["I0001"])
        #expect(try store.weeks().isEmpty)
        #expect(try store.issues(activeSince: "2026-W01").isEmpty)
    }

    @Test func aSaveRacedByAnotherRunIsRefusedAndSaveAssigningCannotRace() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("h.sqlite")
        let runA = try HistoryStore(path: path), runB = try HistoryStore(path: path)
        let a = [Fixture.candidate(Self.login1, members: Fixture.keys("a", 1...3))]
        let b = [Fixture.candidate(Self.shipping, members: Fixture.keys("d", 1...3))]
        let assignedA = try runA.assignIdentities(a, week: "2026-W44")
        let assignedB = try runB.assignIdentities(b, week: "2026-W45")
        #expect(assignedA.map(\.id) == assignedB.map(\.id))
        try runA.save(week: Fixture.aggregate("2026-W44"), issues: [(assignedA[0], a[0])])
        #expect(throws: HistoryError.identityConflict(path: path, id: "I0001", week: "2026-W45")) {
            try runB.save(week: Fixture.aggregate("2026-W45"), issues: [(assignedB[0], b[0])])
        }
        #expect(try runB.weeks().map(\.week) == ["2026-W44"])
        let saved = try runB.saveAssigning(week: Fixture.aggregate("2026-W45"), candidates: b)
        #expect(saved.map(\.id) == ["I0002"])
    }

    @Test func termScoresMatchTheDocumentedThreshold() {
        let matcher = IssueMatcher()
        let a = (1...8).map { "a\($0)" }
        func with(_ shared: [Int]) -> [String] { a.indices.map { shared.contains($0) ? a[$0] : "b\($0)" } }
        #expect(matcher.termScore(a, a) == 1)
        #expect(matcher.termScore(a, with([])) == 0)
        let topTwo = matcher.termScore(a, with([0, 1]))
        let topOne = matcher.termScore(a, with([0]))
        let lowFive = matcher.termScore(a, with([3, 4, 5, 6, 7]))
        #expect(abs(topTwo - 0.381) < 0.001 && topTwo >= matcher.termThreshold)
        #expect(abs(topOne - 0.225) < 0.001 && topOne < matcher.termThreshold)
        #expect(abs(lowFive - 0.194) < 0.001 && lowFive < matcher.termThreshold)
        #expect(matcher.memberScore(["x", "y", "z"], ["x", "y", "q", "r"]) == 2.0 / 3.0)
        #expect(matcher.memberScore(["x", "y"], ["x", "q"]) == 0)
    }
}
