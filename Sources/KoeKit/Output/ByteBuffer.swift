/// A growable byte buffer for writing output. Appending is a capacity check and a copy,
/// where `Array.append(contentsOf:)` costs a few hundred instructions a call, and a
/// classification result is dozens of small appends.
///
/// A reference type with one owner at a time (a worker renders into it, then the writer
/// drains it), so its properties skip the runtime exclusivity checks.
public final class ByteBuffer: @unchecked Sendable {
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    public var isEmpty: Bool { count == 0 }

    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if capacity - count < bytes.count { grow(toHold: bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    public func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Reverses the bytes from `start` to the end (for digits written backwards).
    func reverseTail(from start: Int) {
        var i = start, j = count - 1
        while i < j {
            swap(&base[i], &base[j])
            i += 1
            j -= 1
        }
    }

    /// Forgets the contents, keeping the memory.
    public func removeAll() { count = 0 }

    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the contents.
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(never)
    private func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
