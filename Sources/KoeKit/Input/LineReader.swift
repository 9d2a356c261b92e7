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
/// never part of a double-byte character, so lines are found the same way in both.
public final class LineReader {
    public let name: String
    /// `.utf8` or `.cp932`; settled before the first line is handed out.
    public private(set) var encoding: InputEncoding = .utf8
    /// For a CP932 line: the 1-based byte column (in the decoded line) of its first byte that
    /// did not decode, nil when all did (U+FFFD stands in its place).
    public private(set) var undecodedColumn: Int?
    private var decoder: CharsetDecoder?
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

    /// Decodes from CP932 when the first bytes read say so (only once, before any line).
    private func settleEncoding(filled: Int, complete: Bool) {
        settled = true
        let sample = UnsafeBufferPointer(start: buffer, count: min(filled, InputEncoding.sniffLength))
        guard InputEncoding.detect(sample: sample, complete: complete) == .cp932 else { return }
        encoding = .cp932
        decoder = CharsetDecoder(.cp932)
    }

    private func line(from start: Int, to end: Int, number: Int) throws -> UnsafeBufferPointer<UInt8> {
        var s = start
        var e = end
        if e > s && buffer[e - 1] == 0x0D { e -= 1 }
        while number == 1 && e - s >= 3 && buffer[s] == 0xEF && buffer[s + 1] == 0xBB && buffer[s + 2] == 0xBF {
            s += 3
        }
        let bytes = UnsafeBufferPointer(start: buffer + s, count: e - s)
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
