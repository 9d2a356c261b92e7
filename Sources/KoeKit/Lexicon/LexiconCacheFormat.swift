/// A fast 128-bit content hash (two multiply-rotate lanes over 8-byte words; not
/// cryptographic, a change of a bit changes the digest): what the lexicon cache is keyed on, and its checksum. Each `add` is
/// framed by its length, so ("ab", "c") and ("a", "bc") differ.
struct ContentHash: Equatable, Sendable {
    private(set) var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private(set) var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    init() {}

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    @inline(__always)
    private mutating func word(_ w: UInt64) {
        a = ((a ^ w) &* 0xFF51_AFD7_ED55_8CCD)
        a = a << 29 | a >> 35
        b = ((b &+ w) &* 0xC4CE_B9FE_1A85_EC53)
        b = b << 31 | b >> 33
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        word(UInt64(bytes.count))
        var i = 0
        let n = bytes.count
        // Whole pairs of words, one to each lane: each word is mixed once, and the two lanes
        // run side by side (the checksum of a cache file covers megabytes).
        var a = self.a, b = self.b
        while i + 16 <= n {
            a = (a ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            a = a << 29 | a >> 35
            b = (b ^ bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* 0xC4CE_B9FE_1A85_EC53
            b = b << 31 | b >> 33
            i += 16
        }
        self.a = a
        self.b = b
        while i + 8 <= n {
            word(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        word(tail)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }

    /// The hash, mixed (murmur's finaliser on each lane).
    var digest: ContentHash {
        func mix(_ x: UInt64) -> UInt64 {
            var x = x
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x &*= 0xC4CE_B9FE_1A85_EC53
            return x ^ x >> 33
        }
        return ContentHash(a: mix(a ^ b >> 7), b: mix(b ^ a << 3))
    }

    var hex: String {
        func h(_ x: UInt64) -> String {
            let s = String(x, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return h(a) + h(b)
    }
}

/// Writes a cache payload: integers and flat arrays of plain values, each array 8-byte
/// aligned, so that reading one back is a single copy.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// Room for a whole lexicon up front (pages never written cost no memory), so that
    /// growing never copies megabytes.
    init() { bytes.reserveCapacity(1 << 24) }

    private mutating func pad() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    /// `values` as raw memory: only for types whose layout this very binary reads back (the
    /// cache is keyed on the binary).
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        pad()
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        pad()
    }

    /// Many strings as one UTF-8 buffer and their end offsets.
    mutating func strings(_ texts: [String]) {
        var utf8: [UInt8] = [], ends: [Int32] = []
        ends.reserveCapacity(texts.count)
        for var text in texts {
            text.withUTF8 { utf8.append(contentsOf: $0) }
            ends.append(Int32(utf8.count))
        }
        array(ends)
        array(utf8)
    }

    /// Arrays of arrays: the inner counts, then all values in one run.
    mutating func nested<T: BitwiseCopyable>(_ values: [[T]]) {
        array(values.map { Int32($0.count) })
        array(values.flatMap { $0 })
    }
}

/// The payload is shorter than its structure says, or says something impossible.
struct CacheFormatError: Error, CustomStringConvertible {
    let description: String
}

/// Reads what `CacheWriter` wrote; every read is bounds-checked (a truncated or damaged
/// payload throws, never traps).
struct CacheReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError(description: "truncated") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    private mutating func pad() throws {
        let skip = (8 - offset % 8) % 8
        _ = try take(skip)
    }

    mutating func int() throws -> Int {
        let raw = try take(8)
        let value = Int64(littleEndian: raw.loadUnaligned(as: Int64.self))
        guard let result = Int(exactly: value) else { throw CacheFormatError(description: "bad integer") }
        return result
    }

    mutating func bool() throws -> Bool {
        switch try int() {
        case 0: return false
        case 1: return true
        default: throw CacheFormatError(description: "bad flag")
        }
    }

    /// A count that fits the remaining bytes at `stride` bytes per element.
    private mutating func count(stride: Int) throws -> Int {
        let n = try int()
        guard n >= 0, n <= (bytes.count - offset) / max(1, stride) else { throw CacheFormatError(description: "truncated array") }
        return n
    }

    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [T] {
        let n = try count(stride: MemoryLayout<T>.stride)
        let raw = try take(n * MemoryLayout<T>.stride)
        try pad()
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            if n > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
            initialized = n
        }
    }

    mutating func string() throws -> String {
        let n = try count(stride: 1)
        let raw = try take(n)
        try pad()
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let ends: [Int32] = try array()
        let utf8: [UInt8] = try array()
        var start = 0
        var texts: [String] = []
        texts.reserveCapacity(ends.count)
        try utf8.withUnsafeBufferPointer { utf8 in
            for end in ends.map(Int.init) {
                guard end >= start, end <= utf8.count else { throw CacheFormatError(description: "bad string table") }
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
                start = end
            }
        }
        return texts
    }

    mutating func nested<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [[T]] {
        let counts: [Int32] = try array()
        let flat: [T] = try array()
        guard counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, { $0 + Int($1) }) == flat.count else {
            throw CacheFormatError(description: "bad nested array")
        }
        var start = 0
        return counts.map { n in
            defer { start += Int(n) }
            return n == 0 ? [] : Array(flat[start..<(start + Int(n))])
        }
    }
}
