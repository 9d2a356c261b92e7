import Foundation
import KoeHistory
import KoeKit
import Synchronization
import Testing

/// Two runs on one history file at once: WAL plus a busy timeout make the second writer wait
/// for the first instead of failing or corrupting the file.
@Suite("Concurrent writers")
struct ConcurrentWriterTests {
    @Test func twoStoresSavingDifferentWeeksFromTwoThreads() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("history.sqlite")
        let weeks = ["2026-W44", "2026-W45"]
        let candidates = [
            [Fixture.candidate(["ログイン", "sms", "二段階認証"], members: Fixture.keys("a", 1...4))],
            [Fixture.candidate(["配送", "遅延", "追跡番号"], members: Fixture.keys("d", 1...3))],
        ]
        let rounds = 12
        let failures = Mutex<[String]>([])
        let ids = Mutex<[Int: Set<String>]>([:])
        // Each thread opens its own store on the (new) file — so the migration race is covered
        // too — then saves its week over and over, alternating the two ways of saving.
        DispatchQueue.concurrentPerform(iterations: 2) { run in
            do {
                let store = try HistoryStore(path: path)
                for round in 0..<rounds {
                    let aggregate = Fixture.aggregate(weeks[run], total: 100 + run)
                    let assigned: [IssueAssignment]
                    if round.isMultiple(of: 2) {
                        assigned = try store.saveAssigning(week: aggregate, candidates: candidates[run])
                    } else {
                        assigned = try store.assignIdentities(candidates[run], week: weeks[run])
                        try store.save(week: aggregate, issues: Array(zip(assigned, candidates[run])).map { ($0, $1) })
                    }
                    ids.withLock { $0[run, default: []].formUnion(assigned.map(\.id)) }
                }
            } catch {
                failures.withLock { $0.append("run \(run): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])

        let store = try HistoryStore(path: path)
        #expect(try store.integrityCheck() == ["ok"])
        let stored = try store.weeks()
        #expect(stored.map(\.week) == weeks)
        #expect(stored.map(\.savedRuns) == [rounds, rounds])
        #expect(stored.map(\.total) == [100, 101])
        // Each week kept one id through all its re-saves, and the two ids differ.
        let perRun = ids.withLock { $0 }
        #expect(perRun[0]?.count == 1 && perRun[1]?.count == 1)
        #expect(perRun[0] != perRun[1])
        #expect(Set(try store.issues(activeSince: "2026-W01").map(\.id)) == ["I0001", "I0002"])
    }
}
