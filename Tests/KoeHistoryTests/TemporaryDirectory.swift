import Foundation
import KoeHistory
import KoeKit

/// A fresh folder per test for real SQLite files; removed when the test drops it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("koe-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Synthetic weeks with every field of WeekAggregate filled, so round trips test them all.
enum Fixture {
    static func aggregate(_ week: String, total: Int = 120, issues: [String: Int] = [:]) -> WeekAggregate {
        var a = WeekAggregate(week: ISOWeek(week)!)
        a.total = total
        a.byChannel = ["email": total / 2, "chat": total / 3, "app_review": total - total / 2 - total / 3]
        a.stances = [.dissatisfaction: 40, .success: 30, .neutral: 35, .mixed: 15]
        a.mixedDissatisfaction = 9
        a.mixedSuccess = 6
        a.signals = ["churn_intent": 4, "high_effort": 11, "resolved_satisfied": 7]
        a.terms = ["ログイン": 14, "請求書": 9, "sms": 5]
        a.riskAccounts = ["acct-9", "acct-2", "acct-5"]
        a.issues = issues
        return a
    }

    static func candidate(_ terms: [String], members: [String], label: String? = nil, kind: IssueKind = .issue) -> IssueCandidate {
        IssueCandidate(
            terms: terms, memberKeys: members, label: label ?? terms.prefix(3).joined(separator: "・"), kind: kind,
            count: members.count)
    }

    static func keys(_ prefix: String, _ range: ClosedRange<Int>) -> [String] { range.map { "\(prefix)\($0)" } }
}

extension HistoryStore {
    /// Assigns and saves in two steps, as the CLI does.
    @discardableResult
    func ingest(_ week: String, _ candidates: [IssueCandidate], total: Int = 120) throws -> [IssueAssignment] {
        let assignments = try assignIdentities(candidates, week: week)
        try save(week: Fixture.aggregate(week, total: total), issues: Array(zip(assignments, candidates)).map { ($0, $1) })
        return assignments
    }
}
