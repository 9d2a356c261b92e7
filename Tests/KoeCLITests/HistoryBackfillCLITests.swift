import Foundation
import Testing

/// `koe report --db` keeps every week of its input, and only once the report was written
/// (issue 13, item 2).
@Suite struct HistoryBackfillCLITests {
    /// The fixture's W47 rows (and its header) as a file of its own: next week's export.
    static func writeWeek47(to dir: URL, rows: Int = .max) throws {
        let lines = try String(contentsOfFile: ReportCLITests.input, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let week = lines.filter { $0.contains(",2026-11-1") && ($0.contains("-11-16") || $0.contains("-11-17") || $0.contains("-11-18") || $0.contains("-11-19")) || $0.contains(",2026-11-2") }
        #expect(week.count == 11)
        let text = ([lines[0]] + week.prefix(rows)).joined(separator: "\n") + "\n"
        try text.write(to: dir.appendingPathComponent("w47.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: ReportCLITests.input, toPath: dir.appendingPathComponent("all.csv").path)
    }

    static func json(_ dir: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Issue ids differ between a run with history (`I0001`) and one without (`c1`).
    static func withoutIDs(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "id" }.mapValues(withoutIDs)
        }
        if let array = value as? [Any] { return array.map(withoutIDs) }
        return value
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b])
    }

    @Test func aRunOverSeveralWeeksLeavesThemAllForNextWeeksRun() throws {
        let script = """
            "$K" report all.csv --db h.sqlite -q -f json -o first.json; echo $?
            "$K" history list --db h.sqlite
            "$K" report w47.csv --week 2026-W47 --db h.sqlite -q -f json -o second.json; echo $?
            "$K" report all.csv --week 2026-W47 -q -f json -o single.json; echo $?
            """
        try KoeRunner.shell(script, setUp: { try Self.writeWeek47(to: $0) }) { dir, r in
            #expect(r.out == "0\nweek\trecords\tissues\n2026-W45\t5\t0\n2026-W46\t7\t0\n2026-W47\t11\t1\n0\n0\n", "\(r.stderr)")
            let first = try Self.json(dir, "first.json"), second = try Self.json(dir, "second.json")
            let single = try Self.json(dir, "single.json")
            let header = try #require(second["header"] as? [String: Any])
            #expect(header["baseline_weeks"] as? [String] == ["2026-W45", "2026-W46"])
            #expect(header["records_read"] as? Int == 11)
            for key in single.keys.sorted() where key != "header" {
                // Same ids as the run that stored the weeks; the same figures as one run over all weeks.
                #expect(Self.same(second[key], first[key]), "\(key) differs from the first run")
                #expect(Self.same(Self.withoutIDs(second[key] as Any), Self.withoutIDs(single[key] as Any)),
                        "\(key) differs from one run over all weeks")
            }
        }
    }

    @Test func aFailedWriteLeavesTheHistoryAsItWas() throws {
        let script = """
            "$K" report all.csv --db h.sqlite -q > /dev/null; echo $?
            "$K" history list --db h.sqlite > before.txt
            "$K" report w47.csv --week 2026-W47 --db h.sqlite -q -o missing/report.md; echo $?
            "$K" history list --db h.sqlite > after.txt
            cmp before.txt after.txt && echo unchanged
            "$K" report w47.csv --week 2026-W47 --db new.sqlite -q -o missing/report.md; echo $?
            ls
            """
        // Three W47 rows only: had the failed run saved anything, W47 would show 3 records.
        try KoeRunner.shell(script, setUp: { try Self.writeWeek47(to: $0, rows: 3) }) { _, r in
            #expect(r.out == "0\n74\nunchanged\n74\nafter.txt\nall.csv\nbefore.txt\nh.sqlite\nw47.csv\n", "\(r.stderr)")
            #expect(r.stderr.contains("missing/report.md"), "\(r.stderr)")
        }
    }

    @Test func droppingAWeekThatIsNotStoredSaysSo() throws {
        let script = """
            "$K" report all.csv --db h.sqlite -q > /dev/null
            "$K" history drop --week 2026-W40 --db h.sqlite; echo $?
            "$K" history drop --week 2026-W45 --db h.sqlite; echo $?
            "$K" history list --db h.sqlite | cut -f1
            """
        try KoeRunner.shell(script, setUp: { try Self.writeWeek47(to: $0) }) { _, r in
            #expect(r.out == "65\n0\nweek\n2026-W46\n2026-W47\n", "\(r.stderr)")
            #expect(r.stderr == """
                koe: h.sqlite: error: 2026-W40 is not stored (stored weeks: 2026-W45, 2026-W46, 2026-W47); nothing dropped
                koe: dropped 2026-W45

                """)
        }
    }
}
