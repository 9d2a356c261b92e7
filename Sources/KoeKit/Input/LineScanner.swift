#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands out the physical lines of an `InputBuffer` one at a time, without `\n` or `\r\n`.
/// A last line without a newline is a line; an input ending in a newline has no extra empty
/// line after it. Each line is valid until the next call.
final class LineScanner {
    private let buffer: InputBuffer
    private var consumedOnNextCall = 0
    private(set) var lineNumber = 0

    init(buffer: InputBuffer) {
        self.buffer = buffer
    }

    /// The next line and its 1-based number, or nil at the end of input.
    func next() throws -> (bytes: UnsafeBufferPointer<UInt8>, number: Int)? {
        buffer.consume(consumedOnNextCall)
        consumedOnNextCall = 0
        var scanned = 0
        while true {
            let available = buffer.count
            if available > scanned, let hit = memchr(buffer.pointer + scanned, 0x0A, available - scanned) {
                let newline = buffer.pointer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                consumedOnNextCall = newline + 1
                return line(length: newline)
            }
            scanned = available
            if try !buffer.fill() {
                guard buffer.count > 0 else { return nil }
                consumedOnNextCall = buffer.count
                return line(length: buffer.count)
            }
        }
    }

    private func line(length: Int) -> (bytes: UnsafeBufferPointer<UInt8>, number: Int) {
        lineNumber += 1
        var n = length
        if n > 0 && buffer[n - 1] == 0x0D { n -= 1 }
        return (buffer.bytes(0..<n), lineNumber)
    }
}
