import Foundation
import Testing

/// One test per row of the README's exit-code table, through the built binary: a run that
/// produced nothing useful never exits 0, and the message says why and what to try.
@Suite struct ExitCodeCLITests {
    static let exports = ExportsCLITests.exports

    @Test func ok0() throws {
        let r = try KoeRunner.run(["classify"], stdin: Data("とても助かりました\n".utf8))
        #expect(r.status == 0)
    }

    @Test func unexpected1FailingLexiconExamples() throws {
        try KoeRunner.shell("printf '#> とても助かりました => stance=dissatisfaction\\n' > bad.tsv; \"$K\" lexicon test --lexicon bad.tsv -q") { _, r in
            #expect(r.status == 1, "\(r.stderr)\(r.out)")
        }
    }

    @Test func usage64() throws {
        #expect(try KoeRunner.run(["classify", "--no-such-flag"]).status == 64)
        let conflict = try KoeRunner.run(["classify", "--text-field", "body"], stdin: Data("id,body\n1,x\n".utf8))
        #expect(conflict.status == 64)
        #expect(conflict.stderr.contains("--text-column"), "\(conflict.stderr)")
    }

    @Test func badData65EveryRecordFailed() throws {
        let r = try KoeRunner.run(["classify", "--input-format", "jsonl"], stdin: Data("返信が来ません\n遅いです\n".utf8))
        #expect(r.status == 65)
        #expect(r.lines.count == 2, "the error records are still written")
        #expect(r.stderr.contains("none of the 2 records could be classified"), "\(r.stderr)")
        #expect(r.stderr.contains("leave out --input-format"), "\(r.stderr)")
        let blank = try KoeRunner.run(["classify"], stdin: Data("\n \n\u{3000}\n".utf8))
        #expect(blank.status == 65)
        #expect(blank.stderr.contains("3 blank"), "\(blank.stderr)")
    }

    @Test func badData65ReportWeekWithoutRecords() throws {
        let r = try KoeRunner.run(["report", "freshdesk.csv", "--week", "2026-W30"], in: Self.exports)
        #expect(r.status == 65)
        #expect(r.out.isEmpty)
        #expect(r.stderr.contains("no record in 2026-W30: the 4 dated record(s) fall in 2026-W46 to 2026-W47; pick one of those weeks with --week"), "\(r.stderr)")
    }

    @Test func badData65NoDateColumn() throws {
        let r = try KoeRunner.run(["report"], stdin: Data("番号,本文,担当\n1,遅いです,佐藤\n".utf8))
        #expect(r.status == 65)
        #expect(r.stderr.contains("no column looks like a date: tried created_at, created at"), "\(r.stderr)")
        #expect(r.stderr.contains("the input has: 担当"), "\(r.stderr)")
        #expect(r.stderr.contains("--date-column"))
        let unreadable = try KoeRunner.run(["report"], stdin: Data("id,body,date\n1,遅いです,先週の火曜\n".utf8))
        #expect(unreadable.status == 65)
        #expect(unreadable.stderr.contains("the date column is 'date', holding values such as '先週の火曜'"), "\(unreadable.stderr)")
    }

    @Test func badData65BinaryInputAndStrict() throws {
        #expect(try KoeRunner.run(["classify"], stdin: Data([0x1F, 0x8B, 0x08, 0x00])).status == 65)
        let strict = try KoeRunner.run(["classify", "--strict", "--input-format", "jsonl"], stdin: Data("{\"body\":\"遅い\"}\nx\n".utf8))
        #expect(strict.status == 65)
    }

    @Test func noInput66() throws {
        #expect(try KoeRunner.run(["classify", "/nonexistent/tickets.csv"]).status == 66)
        let empty = try KoeRunner.run(["classify"])
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("no input records"), "\(empty.stderr)")
    }

    @Test func io74() throws {
        try KoeRunner.shell("echo 解約 | \"$K\" classify > /dev/full") { _, r in #expect(r.status == 74) }
    }

    @Test func badConfig78() throws {
        try KoeRunner.shell("printf 'x\\tno_such_signal\\t1\\t-\\n' > bad.tsv; echo 遅い | \"$K\" classify --lexicon bad.tsv") { _, r in
            #expect(r.status == 78, "\(r.stderr)")
        }
    }
}
