#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer to a file descriptor for data output (stdout by default). Text is
/// appended as bytes; nothing goes through `String` on the hot path.
public final class ByteWriter {
    private let fd: Int32
    private let bytes: ByteBuffer
    private let flushThreshold = 1 << 16

    public init(fd: Int32 = 1) {
        self.fd = fd
        // A collecting writer holds one record: do not reserve a flush buffer for it.
        bytes = ByteBuffer(capacity: fd >= 0 ? flushThreshold * 2 : 1024)
    }

    /// A writer that only collects (fd -1): `flush` keeps the bytes; take them with `take()`.
    public static func collecting() -> ByteWriter { ByteWriter(fd: -1) }

    /// The collected bytes, emptied.
    public func take() -> [UInt8] {
        defer { bytes.removeAll() }
        return bytes.array
    }

    deinit { try? flush() }

    @inline(__always) public func append(_ byte: UInt8) { bytes.append(byte) }

    public func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(buffer) }

    public func append(_ string: String) { bytes.append(string) }

    public func appendDecimal(_ value: Int) { JSONBytes.appendDecimal(value, to: bytes) }

    /// Appends `units[from..<to]` (well-formed UTF-16) as UTF-8.
    public func appendUTF8(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) {
        JSONBytes.appendUTF8(units, from: from, to: to, to: bytes)
    }

    /// Appends the spans of `units` as UTF-8, separated by `separator`: a whole line of
    /// tokens in one call.
    public func appendUTF8(_ units: UnsafeBufferPointer<UInt16>, spans: [(Int, Int)], separator: UInt8) {
        for (k, span) in spans.enumerated() {
            if k > 0 { bytes.append(separator) }
            JSONBytes.appendUTF8(units, from: span.0, to: span.1, to: bytes)
        }
    }

    /// Appends bytes that a `JSONBytes` function writes.
    public func appendJSON(_ body: (ByteBuffer) -> Void) { body(bytes) }

    /// Ends a record: flushes when enough has accumulated.
    public func endLine() throws {
        bytes.append(0x0A)
        if fd >= 0 && bytes.count >= flushThreshold { try flush() }
    }

    /// Appends complete lines: flushes when enough has accumulated. A large block (a whole
    /// batch of results) goes straight to the file after what is buffered, without a copy.
    public func appendLines(_ lines: UnsafeBufferPointer<UInt8>) throws {
        guard fd >= 0 && lines.count >= flushThreshold else {
            bytes.append(lines)
            if fd >= 0 && bytes.count >= flushThreshold { try flush() }
            return
        }
        try flush()
        try write(UnsafeRawBufferPointer(lines))
    }

    public func flush() throws {
        guard fd >= 0 else { return }
        defer { bytes.removeAll() }
        try bytes.withBytes { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes whole lines; an interrupt meanwhile waits until they are out (`InterruptGuard`).
    private func write(_ data: UnsafeRawBufferPointer) throws {
        try InterruptGuard.writing(to: fd) { try writeAll(data) }
    }

    private func writeAll(_ data: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < data.count {
            let n = Self.systemWrite(fd, data.baseAddress! + offset, data.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.writeFailed(reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #elseif canImport(Darwin)
    private static let systemWrite = Darwin.write
    #endif
}

public enum OutputError: Error, CustomStringConvertible, Sendable {
    case writeFailed(reason: String)
    public var description: String {
        switch self {
        case let .writeFailed(reason): "error: write failed: \(reason)"
        }
    }
}
