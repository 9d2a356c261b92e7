#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sliding window of decoded input: UTF-8 bytes from the first one not yet consumed to the
/// last one read. Readers look at bytes by offset from the window's start, ask for more with
/// `fill()`, and `consume` what they are done with; memory grows only to the longest stretch
/// kept unconsumed (one record).
///
/// UTF-8 input is passed through (a leading BOM dropped; repairs are the readers' job, so they
/// can say where). CP932 and UTF-16 input is decoded as it arrives; places where bytes did not
/// decode are queued as `substitutions` for the readers to attach to the records they fall in.
final class InputBuffer {
    let source: ByteSource
    /// The encoding in use: `.utf8` or `.cp932`, never `.auto`.
    let encoding: InputEncoding
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var sourceDone = false
    private let decoder: CharsetDecoder?
    /// CP932 bytes read but not decoded yet (a partial character or line).
    private let raw = ScratchBuffer<UInt8>(capacity: 0)
    private var decodedLine = 1
    private var decodedColumn = 0
    private var pending: [CharsetDecoder.Substitution] = []
    private var pendingHead = 0

    static let readSize = 1 << 16

    /// Reads the start of `source`, refuses binary input (`InputError.unsupportedInput`) and
    /// settles the encoding: `auto` waits for the first 64 KiB (or the end, or the first line
    /// typed at a terminal); the others only for enough bytes to see a signature, so that a
    /// slow pipe gets its first records early.
    init(source: ByteSource, encoding: InputEncoding) throws {
        self.source = source
        capacity = Self.readSize * 2
        base = .allocate(capacity: capacity)
        var sample = [UInt8](repeating: 0, count: InputEncoding.sniffLength)
        let wanted = encoding == .auto ? sample.count : 16
        var filled = 0
        var done = false
        while filled < wanted {
            let n = try sample.withUnsafeMutableBufferPointer { p in
                try source.read(into: p.baseAddress! + filled, count: p.count - filled)
            }
            if n == 0 { done = true; break }
            filled += n
            if source.isInteractive { break }
        }
        sample.removeLast(sample.count - filled)
        sourceDone = done
        var resolved = encoding
        if encoding == .auto {
            resolved = sample.withUnsafeBufferPointer { InputEncoding.detect(sample: $0, complete: done) }
            if resolved == .utf8 && !done && !sample.contains(where: { $0 >= 0x80 }) {
                resolved = Self.evidenceFurther(in: source, from: filled) ?? resolved
            }
        }
        let utf16 = resolved == .utf16le || resolved == .utf16be
        if let refusal = sample.withUnsafeBufferPointer({ BinarySignature.refusal($0, utf16: utf16) }) {
            base.deallocate()
            throw InputError.unsupportedInput(path: source.name, kind: refusal.kind, advice: refusal.advice)
        }
        self.encoding = resolved
        let mark = sample.withUnsafeBufferPointer { InputEncoding.byteOrderMark($0) }
        let skip = mark?.0 == resolved ? mark!.1 : 0
        if resolved != .utf8 {
            decoder = CharsetDecoder(resolved)
            raw.reserve(max(filled, Self.readSize))
            sample.withUnsafeBufferPointer { if let p = $0.baseAddress { raw.pointer.update(from: p + skip, count: filled - skip) } }
            raw.count = filled - skip
        } else {
            decoder = nil
            sample.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[skip...])) }
        }
    }

    /// For a regular file whose first 64 KiB are ASCII: the encoding the first stretch with
    /// other bytes suggests (a CP932 export whose first rows are ASCII is still CP932); nil
    /// when there is none or the input is not a regular file.
    private static func evidenceFurther(in source: ByteSource, from offset: Int) -> InputEncoding? {
        var offset = offset
        while let chunk = source.peek(at: offset, count: InputEncoding.sniffLength) {
            if let first = chunk.firstIndex(where: { $0 >= 0x80 }) {
                // Start after a byte that ends a character in both encodings.
                let start = chunk[..<first].lastIndex(where: { $0 < 0x40 }).map { $0 + 1 } ?? first
                let more = source.peek(at: offset + start, count: InputEncoding.sniffLength) ?? []
                let complete = more.count < InputEncoding.sniffLength
                return more.withUnsafeBufferPointer { EncodingEvidence(sample: $0, complete: complete).choice }
            }
            if chunk.count < InputEncoding.sniffLength { return nil }
            offset += chunk.count
        }
        return nil
    }

    /// Reads until `n` bytes are decoded, the input ends, or — at a terminal — anything is
    /// there: the sample the format is told from.
    func prefill(_ n: Int) throws {
        while count < n {
            if source.isInteractive && count > 0 { return }
            if try !fill() { return }
        }
    }

    /// Turns every CR into LF from now on (and in the window): for input with CR-only line
    /// breaks (old Mac exports), which would otherwise be one long line.
    func translateCarriageReturns() {
        translatesCarriageReturns = true
        translate(start..<end)
    }

    private var translatesCarriageReturns = false

    private func translate(_ range: Range<Int>) {
        for i in range where base[i] == 0x0D { base[i] = 0x0A }
    }

    deinit { base.deallocate() }

    /// Bytes available from the window's start.
    var count: Int { end - start }

    /// The window's first byte; valid until the next `fill()`.
    var pointer: UnsafeMutablePointer<UInt8> { base + start }

    /// True once every byte of the input is in the window (or consumed).
    var atEnd: Bool { sourceDone && raw.count == 0 }

    subscript(offset: Int) -> UInt8 { base[start + offset] }

    /// The bytes `range` (offsets from the window's start); valid until the next `fill()`.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start + range.lowerBound, count: range.count)
    }

    /// Drops the first `n` bytes of the window.
    func consume(_ n: Int) {
        start += min(n, count)
    }

    /// Makes sure `n` bytes are available, reading as needed; false when the input ends first.
    @inline(__always)
    func ensure(_ n: Int) throws -> Bool {
        while count < n {
            if try !fill() { return false }
        }
        return true
    }

    /// Adds bytes to the window; false when the input has ended and nothing was added.
    func fill() throws -> Bool {
        while !atEnd {
            let added = decoder == nil ? try readUTF8() : try readDecoded()
            if added > 0 {
                if translatesCarriageReturns { translate((end - added)..<end) }
                return true
            }
        }
        return false
    }

    /// Takes the queued CP932 substitutions on lines up to `line`.
    func takeSubstitutions(throughLine line: Int) -> [CharsetDecoder.Substitution] {
        var taken: [CharsetDecoder.Substitution] = []
        while pendingHead < pending.count && pending[pendingHead].line <= line {
            taken.append(pending[pendingHead])
            pendingHead += 1
        }
        if pendingHead == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
        }
        return taken
    }

    private func readUTF8() throws -> Int {
        makeRoom(Self.readSize)
        let n = try source.read(into: base + end, count: capacity - end)
        if n == 0 { sourceDone = true }
        end += n
        return n
    }

    private func readDecoded() throws -> Int {
        if !sourceDone {
            if raw.capacity - raw.count < Self.readSize { growRaw() }
            let n = try source.read(into: raw.pointer + raw.count, count: raw.capacity - raw.count)
            raw.count += n
            if n == 0 { sourceDone = true }
        }
        guard let decoder else { return 0 }
        let cut = sourceDone ? raw.count : decoder.safeCut(raw.buffer)
        guard cut > 0 else { return 0 }
        let result = try decoder.decode(
            UnsafeBufferPointer(rebasing: raw.buffer[..<cut]), line: decodedLine, column: decodedColumn)
        decodedLine = result.line
        decodedColumn = result.column
        pending.append(contentsOf: result.substitutions)
        append(result.utf8)
        raw.count -= cut
        if raw.count > 0 { memmove(raw.pointer, raw.pointer + cut, raw.count) }
        return result.utf8.count
    }

    /// Doubles the room for undecoded bytes, keeping them.
    private func growRaw() {
        let kept = Array(raw.buffer)
        raw.reserve(raw.capacity * 2 + Self.readSize)
        kept.withUnsafeBufferPointer { if let p = $0.baseAddress { raw.pointer.update(from: p, count: kept.count) } }
        raw.count = kept.count
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(bytes.count)
        (base + end).update(from: source, count: bytes.count)
        end += bytes.count
    }

    /// Moves the window to the front and grows the storage until `n` more bytes fit.
    private func makeRoom(_ n: Int) {
        if start > 0 {
            let kept = count
            if kept > 0 { memmove(base, base + start, kept) }
            start = 0
            end = kept
        }
        guard capacity - end < n else { return }
        var bigger = capacity * 2
        while bigger - end < n { bigger *= 2 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        storage.update(from: base, count: end)
        base.deallocate()
        base = storage
        capacity = bigger
    }
}
