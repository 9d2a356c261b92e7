import Foundation
import Testing

/// Runs that label nothing do not exit 0, and empty texts are counted, not labelled neutral
/// (issue 14, item 3). Fixtures written for this test.
@Suite struct HonestExitCLITests {
    @Test func emptyTextsAreErrorRecordsCountedApart() throws {
        let csv = "id,body\nE1,\nE2,アプリが落ちます\nE3,\u{3000} \n"
        let r = try KoeRunner.run(["classify", "--no-text"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 3)
        #expect(r.lines[0] == #"{"id":"E1","error":"empty text: nothing to classify","source":"<stdin>:2"}"#, "\(r.out)")
        #expect(r.lines[2].contains(#""error":"empty text"#))
        #expect(!r.out.contains(#""stance":"neutral""#))
        #expect(r.stderr.contains("3 records: 1 dissatisfaction, 0 success, 0 neutral, 0 mixed; 2 empty; 0 errors"), "\(r.stderr)")
    }

    @Test func onlyEmptyTextsExit65WithAHint() throws {
        let r = try KoeRunner.run(["classify"], stdin: Data("id,body,memo\n1,,返金してほしい\n2, ,遅い\n".utf8))
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("every text is empty (2)") && r.stderr.contains("--text-column"), "\(r.stderr)")
    }

    @Test func onlyErrorRecordsExit65EvenWithoutStrict() throws {
        let r = try KoeRunner.run(["classify", "--input-format", "jsonl"], stdin: Data("{\"msg\":\"届かない\"}\n{\"msg\":\"遅い\"}\n".utf8))
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("no record could be classified (2 error record(s))"), "\(r.stderr)")
        #expect(r.lines.count == 2)
    }

    @Test func aReportWeekWithoutRecordsExits65AndWritesNothing() throws {
        let report = "\"$K\" report '\(ReportCLITests.input)' --week 2026-W10 -o r.md; echo $?; ls"
        try KoeRunner.shell(report) { _, r in
            #expect(r.out == "65\n", "\(r.out)\(r.stderr)")
            #expect(r.stderr.contains("no record in 2026-W10 (the input's dated records are in 2026-W45 … 2026-W47)"), "\(r.stderr)")
        }
    }

    @Test func emptyAnswersAreExcludedFromTheReportWeek() throws {
        let csv = "id,created_at,body\n1,2026-11-18 10:00,\n2,2026-11-18 11:00,ログインできません\n3,2026-11-19 09:00,\u{3000}\n"
        let r = try KoeRunner.run(["report", "--week", "2026-W47", "-f", "json"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["records_in_week"] as? Int == 1)
        #expect((header["skipped"] as? [String: Int])?["empty_text"] == 2, "\(header)")
    }
}
