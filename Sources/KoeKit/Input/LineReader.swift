#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a byte stream line by line without building strings: each line is handed out as a
/// buffer (without `\n`, `\r\n`, or a leading UTF-8 BOM) valid only during the callback.
/// Lines of any length are supported; the buffer grows to hold the longest one.
///
/// The first read settles the encoding as the other readers do (`InputEncoding.detect`): UTF-8
/// lines are handed out as they are (repairs are the caller's, so it can say where), CP932
/// lines (a Japanese Excel or Windows export) decoded to UTF-8 first. A CP932 line feed is
/// never part of a double-byte character, so lines are found the same way in both. UTF-16
/// (Excel's 「Unicode テキスト」, review exports) is decoded to UTF-8 as it is read, up to the
/// last line feed unit of what has arrived, and its lines are then found in the UTF-8.
public final class LineReader {
    public let name: String
    /// `.utf8`, `.cp932`, `.utf16le` or `.utf16be`; settled before the first line is handed out.
    public private(set) var encoding: InputEncoding = .utf8
    /// For a CP932 or UTF-16 line: the 1-based byte column (in the decoded line) of its first
    /// byte that did not decode, nil when all did (U+FFFD stands in its place).
    public private(set) var undecodedColumn: Int?
    /// CP932: decodes each line. UTF-16: decodes the stream (`transcode`).
    private var decoder: CharsetDecoder?
    /// UTF-16 only: bytes read but not yet decoded (no line feed unit after them yet), where the
    /// next chunk starts in the decoded text, and the places that did not decode, in order.
    private var undecoded: [UInt8] = []
    private var decodedLine = 1
    private var decodedColumn = 0
    private var substitutions: [CharsetDecoder.Substitution] = []
    /// UTF-16: bytes of a byte-order mark still to be dropped from the first bytes read.
    private var skipMark = 0
    private var isUTF16: Bool { encoding == .utf16le || encoding == .utf16be }
    private var settled = false
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    /// Reads standard input (named `<stdin>` in messages).
    public static func standardInput() -> LineReader {
        LineReader(fd: 0, name: "<stdin>", ownsDescriptor: false)
    }

    /// Opens a file; throws `InputError.cannotOpen` when it cannot be read.
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.init(fd: fd, name: path, ownsDescriptor: true)
    }

    init(fd: Int32, name: String, ownsDescriptor: Bool) {
        self.fd = fd
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        capacity = 1 << 16
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Calls `body(line, lineNumber)` for every line, numbered from 1.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var filled = 0
        var lineNumber = 0
        var atEOF = false
        while !atEOF {
            if filled == capacity { grow() }
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.readFailed(path: name, reason: String(cString: strerror(errno)))
            }
            if n == 0 { atEOF = true } else { filled += n }
            if !settled && (filled > 0 || atEOF) { settleEncoding(filled: filled, complete: atEOF) }
            if isUTF16 {
                // What was just read (from `start` on) waits in `undecoded`; the decoded text
                // of every complete line so far takes its place.
                let start = filled - n
                undecoded.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: n))
                filled = start
                try transcode(into: &filled, final: atEOF)
            }
            var start = 0
            while start < filled {
                let rest = filled - start
                guard let nl = memchr(buffer + start, 0x0A, rest) else { break }
                let end = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                try body(try line(from: start, to: end, number: lineNumber), lineNumber)
                start = end + 1
            }
            if atEOF && start < filled {
                lineNumber += 1
                try body(try line(from: start, to: filled, number: lineNumber), lineNumber)
                start = filled
            }
            if start > 0 {
                memmove(buffer, buffer + start, filled - start)
                filled -= start
            }
        }
    }

    /// Decodes from CP932 or UTF-16 when the first bytes read say so (only once, before any
    /// line). A UTF-16 byte-order mark is dropped here.
    private func settleEncoding(filled: Int, complete: Bool) {
        settled = true
        let sample = UnsafeBufferPointer(start: buffer, count: min(filled, InputEncoding.sniffLength))
        let detected = InputEncoding.detect(sample: sample, complete: complete)
        guard detected == .cp932 || detected == .utf16le || detected == .utf16be else { return }
        encoding = detected
        decoder = CharsetDecoder(detected)
        guard isUTF16 else { return }
        undecoded.reserveCapacity(capacity)
        if let (mark, length) = InputEncoding.byteOrderMark(sample), mark == detected { skipMark = length }
    }

    /// UTF-16: decodes `undecoded` up to its last line feed unit (all of it at the end of the
    /// input) and appends the UTF-8 at `filled`.
    private func transcode(into filled: inout Int, final: Bool) throws {
        guard let decoder else { return }
        if skipMark > 0 {
            let dropped = min(skipMark, undecoded.count)
            undecoded.removeFirst(dropped)
            skipMark -= dropped
        }
        let cut = undecoded.withUnsafeBufferPointer { final ? $0.count : decoder.safeCut($0) }
        guard cut > 0 else { return }
        let chunk = try undecoded.withUnsafeBufferPointer {
            try decoder.decode(UnsafeBufferPointer(rebasing: $0[..<cut]), line: decodedLine, column: decodedColumn)
        }
        decodedLine = chunk.line
        decodedColumn = chunk.column
        substitutions.append(contentsOf: chunk.substitutions)
        undecoded.removeFirst(cut)
        guard let decoded = chunk.utf8.baseAddress, !chunk.utf8.isEmpty else { return }
        while capacity - filled < chunk.utf8.count { grow() }
        (buffer + filled).update(from: decoded, count: chunk.utf8.count)
        filled += chunk.utf8.count
    }

    private func line(from start: Int, to end: Int, number: Int) throws -> UnsafeBufferPointer<UInt8> {
        var s = start
        var e = end
        if e > s && buffer[e - 1] == 0x0D { e -= 1 }
        while number == 1 && e - s >= 3 && buffer[s] == 0xEF && buffer[s + 1] == 0xBB && buffer[s + 2] == 0xBF {
            s += 3
        }
        let bytes = UnsafeBufferPointer(start: buffer + s, count: e - s)
        if isUTF16 {
            undecodedColumn = nil
            while let first = substitutions.first, first.line <= number {
                if first.line == number && undecodedColumn == nil { undecodedColumn = first.column }
                substitutions.removeFirst()
            }
            return bytes
        }
        guard let decoder else { return bytes }
        let chunk = try decoder.decode(bytes, line: number, column: 0)
        undecodedColumn = chunk.substitutions.first?.column
        return chunk.utf8
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: buffer, count: capacity)
        buffer.deallocate()
        buffer = bigger
        capacity *= 2
    }
}
