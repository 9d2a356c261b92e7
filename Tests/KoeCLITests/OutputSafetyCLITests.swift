import Foundation
import Testing

/// Writes that fail, and `-o` targets that are not plain files: exit 74 with one message, never
/// a trap; links, FIFOs and read-only files are never replaced (issue 16, items 1 and 3).
@Suite struct OutputSafetyCLITests {
    static let fixture = ReportCLITests.input
    static func read(_ dir: URL, _ name: String) -> String {
        (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "<unreadable>"
    }

    static func link(_ dir: URL, _ name: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent(name).path)
    }

    static let report = "\"$K\" report '\(fixture)' --week 2026-W47 -q"

    @Test func reportToAFullDiskIsAnIOError() throws {
        try KoeRunner.shell("\(Self.report) > /dev/full") { _, r in
            #expect(r.status == 74, "\(r.stderr)")
            #expect(r.stderr == "koe: stdout: error: cannot write: No space left on device\n")
        }
    }

    @Test func classifyToAFullDiskIsAnIOError() throws {
        try KoeRunner.shell("echo 解約 | \"$K\" classify > /dev/full") { _, r in
            #expect(r.status == 74, "\(r.stderr)")
            #expect(r.stderr.contains("koe: stdout: error: cannot write:"), "\(r.stderr)")
        }
    }

    @Test func printingCommandsToAFullDiskAreIOErrors() throws {
        try KoeRunner.shell("echo テスト | \"$K\" tokenize > /dev/full") { _, r in
            #expect(r.status == 74, "\(r.stderr)")
        }
    }

    /// With stderr closed the summary line cannot be written; the data still is.
    @Test func classifyWithStderrClosedStillWorks() throws {
        try KoeRunner.shell("echo 解約 | \"$K\" classify 2>&-") { _, r in
            #expect(r.status == 0)
            #expect(r.out.hasPrefix("{\"id\":1,"))
        }
    }

    /// Otherwise the report file would be opened as descriptor 2 and get the warnings.
    @Test func reportWithStderrClosedKeepsWarningsOutOfTheFile() throws {
        try KoeRunner.shell("\"$K\" report '\(Self.fixture)' --week 2026-W47 -o out.md 2>&-") { dir, r in
            #expect(r.status == 0)
            let text = Self.read(dir, "out.md")
            #expect(text.hasPrefix("# "))
            #expect(!text.contains("koe: report"))
        }
    }

    @Test func readOnlyTargetBehindASymlinkIsRefusedAndKept() throws {
        try KoeRunner.shell(
            "echo keep > t.md; chmod 444 t.md; ln -s t.md l.md; \(Self.report) -o l.md",
            check: { dir, r in
                #expect(r.status == 74)
                #expect(r.stderr.contains("l.md: error: cannot write: read-only file"), "\(r.stderr)")
                #expect(Self.read(dir, "t.md") == "keep\n")
                #expect(Self.link(dir, "l.md") == "t.md")
            })
    }

    @Test func writableTargetBehindASymlinkIsWrittenThrough() throws {
        try KoeRunner.shell("echo old > t.md; ln -s t.md l.md; \(Self.report) -o l.md") { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(Self.link(dir, "l.md") == "t.md")
            #expect(Self.read(dir, "t.md").hasPrefix("# "))
        }
    }

    @Test func hardLinkedTargetKeepsItsOtherName() throws {
        try KoeRunner.shell("echo old > a.md; ln a.md b.md; \(Self.report) -o a.md") { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(Self.read(dir, "b.md").hasPrefix("# "))
        }
    }

    @Test func regularFileIsReplacedWithItsMode() throws {
        try KoeRunner.shell("echo old > r.md; chmod 640 r.md; \(Self.report) -o r.md; stat -c %a r.md; ls -a") { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.out.split(separator: "\n")
            #expect(lines.first == "640")
            #expect(!lines.contains { $0.contains(".koe-") }, "no temporary file left: \(r.out)")
            #expect(Self.read(dir, "r.md").hasPrefix("# "))
        }
    }

    /// The reader gets the report and the FIFO stays a FIFO (it was replaced, and the reader
    /// blocked forever).
    @Test func fifoIsWrittenThrough() throws {
        try KoeRunner.shell(
            "mkfifo f; timeout 20 cat f > got & \(Self.report) -o f; echo $?; wait; test -p f && echo fifo") { dir, r in
            #expect(r.out == "0\nfifo\n", "\(r.stderr)")
            #expect(Self.read(dir, "got").hasPrefix("# "))
        }
    }

    @Test func directoryTargetIsRefused() throws {
        try KoeRunner.shell("mkdir d; \(Self.report) -o d") { _, r in
            #expect(r.status == 74)
            #expect(r.stderr.contains("koe: d: error: cannot write: is a directory"))
        }
    }

    @Test func newFileInAMissingFolderIsAnIOError() throws {
        try KoeRunner.shell("\(Self.report) -o missing/r.md") { _, r in
            #expect(r.status == 74)
            #expect(r.stderr.contains("missing/r.md: error: cannot write"), "\(r.stderr)")
        }
    }
}

/// A signal while output waits on a slow reader left half a JSON line in 11 of 15 runs
/// (issue 16, item 15): the block being written is finished first, then the signal acts.
@Suite struct InterruptedOutputCLITests {
    @Test func terminatedClassifyLeavesWholeLines() throws {
        let lines = String(repeating: "ログインできません。何度試してもエラーになります。\n", count: 40_000)
        let script = """
            mkfifo p
            "$K" classify --no-text -q < in.txt > p 2>/dev/null &
            koe=$!
            { dd bs=1 count=70000 2>/dev/null; touch started; sleep 2; cat; } < p > out &
            reader=$!
            while [ ! -e started ]; do sleep 0.1; done
            sleep 0.3
            kill -TERM $koe
            wait $koe; echo "koe $?"
            wait $reader
            """
        try KoeRunner.shell(
            script, setUp: { try Data(lines.utf8).write(to: $0.appendingPathComponent("in.txt")) },
            check: { dir, r in
                #expect(r.out == "koe 143\n", "\(r.stderr)")
                let out = (try? Data(contentsOf: dir.appendingPathComponent("out"))) ?? Data()
                #expect(out.count > 70_000)
                #expect(out.last == 0x0A, "the output ends inside a line")
                for line in out.split(separator: 0x0A) {
                    #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil)
                }
            })
    }
}
