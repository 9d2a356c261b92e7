import Foundation
import KoeHistory
import KoeKit
import Testing

/// A run killed while it holds the write lock must leave the last committed state.
///
/// A test cannot easily spawn a second Swift binary, and a fork()ed Swift process is unsafe, so
/// the writer is another SQLite client in a child process started with `Process`
/// (`/bin/sh -c 'exec …'`, so the child's pid is the writer's own): the `sqlite3` shell when
/// `/usr/bin/sqlite3` exists, and a python3 `sqlite3` script when python3 is on PATH (each test
/// runs only where its tool is). The child opens the history file, takes the write lock
/// (`BEGIN IMMEDIATE`), inserts a half week (a `weeks` row for W46 and an endless stream of
/// `week_counts` rows) with a tiny page cache, so uncommitted pages spill into the WAL, and
/// never commits. Once the WAL has grown by 256 KiB the test sends SIGKILL, then reopens the
/// file with HistoryStore and checks `PRAGMA integrity_check`, the committed weeks, the absence
/// of the half week, and that the file takes writes again (no lock left behind).
@Suite("Interrupted writes")
struct InterruptedWriteTests {
    static let sqlite3 = "/usr/bin/sqlite3"
    static var hasSQLite3: Bool { FileManager.default.isExecutableFile(atPath: sqlite3) }
    static var python3: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let halfWeekSQL = """
        .bail on
        .timeout 10000
        PRAGMA cache_size = 16;
        BEGIN IMMEDIATE;
        INSERT INTO weeks (week, total, mixed_dissatisfaction, mixed_success, saved_runs) VALUES ('2026-W46', 999, 0, 0, 1);
        INSERT INTO week_counts (week, facet, key, count)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 200000000)
            SELECT '2026-W46', 'term', 'term-' || i, i FROM n;
        COMMIT;

        """

    static let halfWeekPython = """
        import sqlite3, sys, time
        con = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
        con.execute("PRAGMA cache_size = 16")
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO weeks (week, total, mixed_dissatisfaction, mixed_success, saved_runs) "
                    "VALUES ('2026-W46', 999, 0, 0, 1)")
        i = 0
        while True:  # never commits: killed while holding the write lock
            con.executemany("INSERT INTO week_counts (week, facet, key, count) VALUES ('2026-W46', 'term', ?, ?)",
                            (("term-%d" % (i + j), i + j) for j in range(2000)))
            i += 2000
            time.sleep(0.005)

        """

    @Test(.enabled(if: hasSQLite3, "needs /usr/bin/sqlite3"))
    func sqliteShellKilledMidWrite() throws {
        let dir = try TemporaryDirectory()
        let script = dir.path("half-week.sql")
        try Self.halfWeekSQL.write(toFile: script, atomically: true, encoding: .utf8)
        try checkKilledMidWrite(dir) { db in
            try Self.spawn(#"exec "$0" "$1" < "$2""#, [Self.sqlite3, db, script])
        }
    }

    @Test(.enabled(if: python3 != nil, "needs python3 on PATH"))
    func pythonWriterKilledMidWrite() throws {
        let dir = try TemporaryDirectory()
        let script = dir.path("half_week.py")
        try Self.halfWeekPython.write(toFile: script, atomically: true, encoding: .utf8)
        try checkKilledMidWrite(dir) { db in
            try Self.spawn(#"exec "$0" "$1" "$2""#, [Self.python3 ?? "python3", script, db])
        }
    }

    private func checkKilledMidWrite(_ dir: TemporaryDirectory, writer: (String) throws -> Process) throws {
        let path = dir.path("history.sqlite")
        let store = try HistoryStore(path: path)
        let login = Fixture.candidate(["ログイン", "sms", "二段階認証"], members: Fixture.keys("a", 1...3))
        try store.ingest("2026-W44", [login])
        try store.ingest("2026-W45", [login])
        let committed = try #require(try store.aggregate(for: "2026-W45"))
        let wal = path + "-wal"
        let walBefore = Self.size(wal)

        let child = try writer(path)
        defer {
            if child.isRunning {
                kill(child.processIdentifier, SIGKILL)
                child.waitUntilExit()
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while Self.size(wal) < walBefore + 256 * 1024 {
            guard child.isRunning else {
                Issue.record("writer exited (status \(child.terminationStatus)) before writing")
                return
            }
            guard Date() < deadline else {
                Issue.record("writer did not spill uncommitted pages into the WAL within 60 s")
                return
            }
            usleep(5_000)
        }
        #expect(kill(child.processIdentifier, SIGKILL) == 0)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)

        let reopened = try HistoryStore(path: path)
        #expect(try reopened.integrityCheck() == ["ok"])
        #expect(try reopened.weeks().map(\.week) == ["2026-W44", "2026-W45"])
        #expect(try reopened.aggregate(for: "2026-W45") == committed)
        #expect(try reopened.aggregate(for: "2026-W46") == nil)
        #expect(try reopened.issues(activeSince: "2026-W45").map(\.id) == ["I0001"])
        try reopened.ingest("2026-W46", [login])
        #expect(try reopened.weeks().map(\.week) == ["2026-W44", "2026-W45", "2026-W46"])
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// `/bin/sh -c SCRIPT ARGS…` with the arguments as `$0`, `$1`…; the script `exec`s the writer.
    static func spawn(_ script: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
