import Foundation
import KoeKit

/// Progress of a long run, on one line of stderr that is redrawn in place: records read,
/// bytes of the total when every input is a file, and an estimate of the time left. Only
/// when stderr is a terminal (never in pipes, files or CI logs) and not with `-q`. Redrawn at
/// most four times a second; erased at the end, and erased and drawn again around any other
/// message and around results written to the same terminal.
final class Progress {
    /// Seconds between redraws.
    static let interval = 0.25

    private let enabled: Bool
    private let started = ProgressLine.now()
    private var lastDraw = -Double.infinity
    /// The sum of the inputs' sizes; nil when one is not a regular file (stdin, a pipe).
    private let total: Int?
    /// Bytes of the inputs already finished.
    private var finishedBytes = 0

    init(enabled: Bool, paths: [String]) {
        self.enabled = enabled && isatty(2) == 1
        var sum = 0
        var known = true
        for path in paths {
            var info = stat()
            if path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                sum += Int(info.st_size)
            } else {
                known = false
            }
        }
        total = known ? sum : nil
    }

    /// Called as records are read; draws when the last drawing is old enough.
    func update(records: Int, reader: RecordReader) {
        guard enabled else { return }
        let now = ProgressLine.now()
        guard now - lastDraw >= Self.interval else { return }
        lastDraw = now
        ProgressLine.show(Self.message(records: records, bytes: finishedBytes + reader.bytesRead, total: total,
                                       elapsed: now - started))
    }

    /// One input is done: its bytes count towards the total from now on.
    func finished(_ reader: RecordReader) {
        finishedBytes += reader.bytesRead
    }

    /// A step without counts (`building the report`), shown until the next message or `finish`.
    func status(_ message: String) {
        guard enabled else { return }
        ProgressLine.show(message + "…")
    }

    func finish() {
        ProgressLine.clear()
    }

    /// `12,345 records, 45.2 of 120.0 MB (37%), about 1:05 left`; `12,345 records, 45.2 MB`
    /// without a total. The estimate waits for a second of data.
    static func message(records: Int, bytes: Int, total: Int?, elapsed: Double) -> String {
        var text = "\(grouped(records)) records, "
        guard let total, total > 0 else { return text + megabytes(bytes) + " MB" }
        let done = min(bytes, total)
        let fraction = Double(done) / Double(total)
        text += "\(megabytes(done)) of \(megabytes(total)) MB (\(Int(fraction * 100))%)"
        if elapsed >= 1, fraction > 0.001, done < total {
            text += ", about \(clock(elapsed * (1 - fraction) / fraction)) left"
        }
        return text
    }

    /// `3,210`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `45.2` (10⁶ bytes).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `0:42`, `12:05`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}

/// The progress line on stderr, shared so that any other message (`Stderr.print`) and data
/// written to a terminal clear it first.
enum ProgressLine {
    private static let lock = NSLock()
    /// The message on screen, nil when the line is clear.
    nonisolated(unsafe) private static var shown: String?

    static func show(_ message: String) {
        lock.withLock {
            try? StandardStreams.write(("\r\u{1B}[2Kkoe: " + message).utf8, to: 2)
            shown = message
        }
    }

    /// Erases the line if one is shown; it stays away until the next `show`.
    static func clear() {
        lock.withLock { erase() }
    }

    /// Runs `body` (which writes to the terminal) with the line erased, then draws it again.
    static func interrupt<T>(_ body: () throws -> T) rethrows -> T {
        let message = lock.withLock {
            defer { erase() }
            return shown
        }
        defer { if let message { show(message) } }
        return try body()
    }

    private static func erase() {
        guard shown != nil else { return }
        try? StandardStreams.write("\r\u{1B}[2K".utf8, to: 2)
        shown = nil
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
