import Foundation
import Testing

/// Progress on stderr: drawn in place on a terminal, throttled, cleared at the end; nothing in
/// a pipe or with -q.
@Suite struct ProgressCLITests {
    /// `count` dated CSV records, each a little different.
    static func tickets(_ count: Int) -> Data {
        var text = "id,created_at,body\n"
        for i in 0..<count {
            text += "\(i),2026-11-\(16 + i % 7) 10:00,ログインできません。SMSの認証コードが届かず困っています（\(i)回目）\n"
        }
        return Data(text.utf8)
    }

    /// Runs koe in `dir` with stderr on a pseudo-terminal; returns what the terminal received
    /// and the seconds the run took.
    static func runOnTerminal(_ arguments: [String], in dir: URL, stdin: URL? = nil) throws -> (text: String, seconds: Double, status: Int32) {
        let (master, slave) = try #require(LineBufferingCLITests.openPTY())
        defer { close(master) }
        let process = Process()
        process.executableURL = KoeRunner.binary
        process.environment = KoeRunner.environment
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(fileDescriptor: slave)
        let start = Date()
        try process.run()
        close(slave)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            // EIO once the child has exited and its side of the terminal is closed.
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
        }
        process.waitUntilExit()
        return (String(decoding: seen, as: UTF8.self), Date().timeIntervalSince(start), process.terminationStatus)
    }

    static let clear = "\r\u{1B}[2K"
    static let fileProgress = try! NSRegularExpression(pattern: #"\r\x1B\[2Kkoe: [0-9,]+ records, [0-9]+\.[0-9] of [0-9]+\.[0-9] MB \([0-9]+%\)"#)

    func inTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.tickets(12_000).write(to: dir.appendingPathComponent("t.csv"))
        try body(dir)
    }

    /// One job reads in batches of 256 records: dozens of batches, far more than four a second.
    @Test func classifyShowsRecordsBytesOfTotalAndClearsTheLine() throws {
        try inTemporaryFolder { dir in
            let (text, seconds, status) = try Self.runOnTerminal(["classify", "t.csv", "-o", "out.jsonl", "--jobs", "1"], in: dir)
            #expect(status == 0, "\(text)")
            let draws = Self.fileProgress.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(draws >= 1, "\(text.debugDescription)")
            #expect(draws <= Int(seconds / 0.25) + 2, "at most four redraws a second: \(draws) in \(seconds) s")
            let tenths = (Self.tickets(12_000).count + 50_000) / 100_000
            #expect(text.contains(" of \(tenths / 10).\(tenths % 10) MB ("), "the file's size is the total")
            // The last drawing is erased before the summary, and nothing is drawn after it.
            let summary = try #require(text.range(of: "koe: 12000 records:"))
            #expect(text[..<summary.lowerBound].hasSuffix(Self.clear))
            #expect(!text[summary.lowerBound...].contains("records, "))
        }
    }

    /// With results and warnings on the same terminal, every progress drawing is erased
    /// before anything else is written: a drawing is only ever followed by `\r`.
    @Test func resultsAndWarningsNeverLandOnTheProgressLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = Self.tickets(3_000)
        // A row with an extra field halfway: a warning in the middle of the run.
        let half = data.count / 2
        let lineEnd = try #require(data[half...].firstIndex(of: 0x0A))
        data.insert(contentsOf: Array(",extra".utf8), at: lineEnd)
        try data.write(to: dir.appendingPathComponent("t.csv"))
        let (master, slave) = try #require(LineBufferingCLITests.openPTY())
        defer { close(master) }
        let process = Process()
        process.executableURL = KoeRunner.binary
        process.environment = KoeRunner.environment
        process.arguments = ["classify", "t.csv", "--no-text", "--jobs", "1"]
        process.currentDirectoryURL = dir
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(fileDescriptor: slave)
        process.standardError = FileHandle(fileDescriptor: slave)
        try process.run()
        close(slave)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
        }
        process.waitUntilExit()
        let text = String(decoding: seen, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("extra fields kept"), "the warning is there")
        let drawing = try NSRegularExpression(
            pattern: #"\x1B\[2Kkoe: [0-9,]+ records, [0-9.]+( of [0-9.]+)? MB( \([0-9]+%\))?(, about [0-9:]+ left)?"#)
        let matches = drawing.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count >= 1)
        let utf16 = Array(text.utf16)
        for match in matches {
            let end = match.range.location + match.range.length
            #expect(end < utf16.count && utf16[end] == 0x0D, "a drawing followed by other output")
        }
    }

    @Test func standardInputShowsBytesWithoutATotal() throws {
        try inTemporaryFolder { dir in
            let (text, _, status) = try Self.runOnTerminal(["classify", "-o", "out.jsonl"], in: dir, stdin: dir.appendingPathComponent("t.csv"))
            #expect(status == 0)
            #expect(text.range(of: #"koe: [0-9,]+ records, [0-9]+\.[0-9] MB"#, options: .regularExpression) != nil, "\(text.debugDescription)")
            #expect(!text.contains(" of "))
        }
    }

    @Test func reportSaysItIsBuildingAndClearsBeforeItsSummary() throws {
        try inTemporaryFolder { dir in
            let (text, _, status) = try Self.runOnTerminal(["report", "t.csv", "--week", "2026-W47", "-o", "r.md"], in: dir)
            #expect(status == 0, "\(text)")
            #expect(Self.fileProgress.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) >= 1)
            #expect(text.contains(Self.clear + "koe: building the report…"))
            #expect(text.contains("building the report…" + Self.clear + "koe: report 2026-W47:"), "\(text.debugDescription)")
            let summary = try #require(text.range(of: "koe: report 2026-W47:"))
            #expect(!text[summary.lowerBound...].contains("\u{1B}"), "nothing is drawn again after the report is written")
        }
    }

    @Test func quietOnATerminalShowsNothing() throws {
        try inTemporaryFolder { dir in
            let (text, _, status) = try Self.runOnTerminal(["classify", "t.csv", "-o", "out.jsonl", "-q"], in: dir)
            #expect(status == 0)
            #expect(text.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [["classify", "t.csv", "-o", "out.jsonl"], ["report", "t.csv", "--week", "2026-W47", "-o", "r.md"]])
    func aPipeGetsNoProgress(arguments: [String]) throws {
        try inTemporaryFolder { dir in
            let r = try KoeRunner.run(arguments, in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stderr.contains("\u{1B}"))
            #expect(!r.stderr.contains("\r"))
            #expect(!r.stderr.contains("records, "))
            #expect(!r.stderr.contains("building the report"))
        }
    }
}
