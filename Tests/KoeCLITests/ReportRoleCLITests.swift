import Foundation
import Testing

/// Which section a signal feeds is data (`signals.tsv`, column `report`): a signal a user
/// lexicon adds reaches its section without any Swift change (issue 13, item 3).
@Suite struct ReportRoleCLITests {
    static let csv = """
        id,created_at,body,account_id
        R1,2026-11-17 10:00,エクスポートの形式が独自すぎてデータを持ち出せない状態です。,LOCK-0001
        R2,2026-11-18 11:00,画面の表示は問題ありません。,OTHER-0002

        """

    static func setUp(_ dir: URL, reportColumn: String?) throws {
        let mine = dir.appendingPathComponent("mine/signals")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let declaration = "data_lock_in\tdissatisfaction\t囲い込みへの不満" + (reportColumn.map { "\t" + $0 } ?? "")
        try (declaration + "\n").write(to: dir.appendingPathComponent("mine/signals.tsv"), atomically: true, encoding: .utf8)
        try "データを持ち出せない\tdata_lock_in\t2\t-\n".write(to: mine.appendingPathComponent("lock.tsv"), atomically: true, encoding: .utf8)
        try csv.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    }

    static func churnAccounts(_ json: Data) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return try #require(object["churn_risk"] as? [[String: Any]])
    }

    @Test func aUserSignalWithTheRiskRoleListsItsAccount() throws {
        let script = """
            "$K" report t.csv --week 2026-W47 -q -f json --lexicon mine > with.json; echo $?
            "$K" report t.csv --week 2026-W47 -q -f json > without.json; echo $?
            """
        try KoeRunner.shell(script, setUp: { try Self.setUp($0, reportColumn: "risk") }) { dir, r in
            #expect(r.out == "0\n0\n", "\(r.stderr)")
            let with = try Self.churnAccounts(try Data(contentsOf: dir.appendingPathComponent("with.json")))
            #expect(with.map { $0["account"] as? String } == ["LOCK-0001"])
            #expect(with.first?["signals"] as? [String] == ["data_lock_in"])
            let quote = try #require(with.first?["quote"] as? [String: Any])
            #expect((quote["text"] as? String)?.contains("データを持ち出せない") == true)
            let without = try Self.churnAccounts(try Data(contentsOf: dir.appendingPathComponent("without.json")))
            #expect(without.isEmpty)
        }
    }

    @Test func theSameSignalWithoutTheRoleStaysOutOfTheSection() throws {
        try KoeRunner.shell("\"$K\" report t.csv --week 2026-W47 -q -f json --lexicon mine > with.json; echo $?",
                            setUp: { try Self.setUp($0, reportColumn: "none") }) { dir, r in
            #expect(r.out == "0\n", "\(r.stderr)")
            let accounts = try Self.churnAccounts(try Data(contentsOf: dir.appendingPathComponent("with.json")))
            #expect(accounts.isEmpty)
        }
    }

    @Test func lexiconCheckWarnsAboutASignalNoSectionShows() throws {
        try KoeRunner.shell("\"$K\" lexicon check mine; echo $?", setUp: { try Self.setUp($0, reportColumn: nil) }) { _, r in
            #expect(r.out == "0\n", "\(r.stderr)")
            #expect(r.stderr.contains(
                "mine/signals.tsv:1:1: warning: signal 'data_lock_in' has no report column: no report section shows it"), "\(r.stderr)")
            #expect(r.stderr.contains("1 warning(s)"), "\(r.stderr)")
        }
    }

    @Test func anUnknownRoleIsAnError() throws {
        try KoeRunner.shell("\"$K\" lexicon check mine; echo $?", setUp: { try Self.setUp($0, reportColumn: "risky") }) { _, r in
            #expect(r.out == "78\n", "\(r.stderr)")
            #expect(r.stderr.contains("mine/signals.tsv:1:"), "\(r.stderr)")
            #expect(r.stderr.contains("error: unknown report role 'risky'"), "\(r.stderr)")
        }
    }
}
