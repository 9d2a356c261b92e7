import Foundation
import Testing

/// `koe history` and `report --db` on paths that are not a history yet (issue 16, item 14).
@Suite struct HistoryCLITests {
    @Test func listingAMissingHistoryCreatesNothing() throws {
        try KoeRunner.shell("\"$K\" history list --db none.sqlite; echo $?; \"$K\" history drop --week 2026-W47 --db none.sqlite; echo $?; ls") { _, r in
            #expect(r.out == "66\n66\n", "\(r.stderr)")
            #expect(r.stderr == String(repeating: "koe: none.sqlite: error: no such history file (koe report --db none.sqlite creates it)\n", count: 2))
        }
    }

    @Test func aMissingFolderIsNamedOnce() throws {
        let report = "\"$K\" report '\(ReportCLITests.input)' --week 2026-W47 -q --db nofolder/h.sqlite > /dev/null"
        try KoeRunner.shell("\(report); echo $?; ls") { _, r in
            #expect(r.out == "74\n", "\(r.stderr)")
            #expect(r.stderr == "koe: nofolder/h.sqlite: error: cannot open history: no such directory 'nofolder'\n")
        }
    }
}

/// One stray date must not pick the report week (issue 16, item 13).
@Suite struct DefaultWeekCLITests {
    @Test func anOutlierDateDoesNotChooseTheWeek() throws {
        var csv = "id,created_at,body\n"
        for day in 9...22 { csv += "T\(day),2026-11-\(day) 10:00,ログインできません\n" }
        csv += "X1,2062-11-20 10:00,ログインできません\n"
        let r = try KoeRunner.run(["report", "--input-format", "csv", "--format", "json"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["week"] as? String == "2026-W47")
        #expect(header["records_in_week"] as? Int == 7)
        #expect(r.stderr.contains("warning: 1 record(s) dated far after the rest (2062-11-20)"), "\(r.stderr)")
    }
}
