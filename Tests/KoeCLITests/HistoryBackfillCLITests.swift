import Foundation
import Testing

/// A first run over a multi-week export fills the history with every complete week, and the
/// history is written only after the report was (issue 13).
@Suite struct HistoryBackfillCLITests {
    /// The fixture's rows of the report week only (2026-W47: 11-16 … 11-22).
    static func reportWeekOnly(into dir: URL) throws -> String {
        let lines = try String(contentsOfFile: ReportCLITests.input, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = [lines[0]] + lines.dropFirst().filter { Self.inW47($0) }
        let path = dir.appendingPathComponent("w47.csv").path
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func inW47(_ line: Substring) -> Bool {
        (16...22).contains { line.contains(",2026-11-\($0) ") }
    }

    /// The report JSON without its header (sources and record counts differ by input).
    static func body(_ json: Data) throws -> [String: NSObject] {
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: NSObject])
        object["header"] = nil
        return object
    }

    @Test func aReportWeekAloneWithTheHistoryMatchesARunOverAllWeeks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-backfill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        let all = try KoeRunner.run(["report", ReportCLITests.input, "--week", "2026-W47", "-f", "json", "--db", db])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("also saved 2026-W45, 2026-W46"), "\(all.stderr)")
        let list = try KoeRunner.run(["history", "list", "--db", db])
        for week in ["2026-W45", "2026-W46", "2026-W47"] { #expect(list.out.contains(week), "\(list.out)") }

        let w47 = try Self.reportWeekOnly(into: dir)
        let alone = try KoeRunner.run(["report", w47, "--week", "2026-W47", "-f", "json", "--db", db])
        #expect(alone.status == 0, "\(alone.stderr)")
        let a = try Self.body(all.stdout), b = try Self.body(alone.stdout)
        for key in a.keys.sorted() {
            #expect(a[key] == b[key], "section \(key) differs")
        }
        // Without the history the earlier weeks are missing.
        let bare = try KoeRunner.run(["report", w47, "--week", "2026-W47", "-f", "json"])
        #expect(try Self.body(bare.stdout)["volume"] != a["volume"])
    }

    @Test func aReportThatCannotBeWrittenLeavesTheHistoryAsItWas() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-backfill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("h.sqlite").path
        let w47 = try Self.reportWeekOnly(into: dir)
        #expect(try KoeRunner.run(["report", w47, "--week", "2026-W47", "-q", "--db", db]).status == 0)
        let before = try KoeRunner.run(["history", "list", "--db", db]).out
        let failed = try KoeRunner.run([
            "report", ReportCLITests.input, "--week", "2026-W47", "-q", "--db", db, "-o", dir.appendingPathComponent("missing/r.md").path,
        ])
        #expect(failed.status == 74, "\(failed.stderr)")
        let after = try KoeRunner.run(["history", "list", "--db", db]).out
        #expect(after == before, "\(before)\n---\n\(after)")
        #expect(!after.contains("2026-W46"))
    }
}
