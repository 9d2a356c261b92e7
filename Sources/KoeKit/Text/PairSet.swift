import KoeICU

/// A set of pairs of UTF-16 units, hashed into 2^`log2Bits` bits by `koe_pair_slot` (which the
/// C side also uses to fill it from ICU's dictionary). An absent pair may test present when it
/// shares a slot, never the other way round: it is only ever used to decide not to cut.
struct PairSet: Sendable {
    private let log2Bits: Int32
    private var bits: [UInt64]

    init(log2Bits: Int32) {
        self.log2Bits = log2Bits
        bits = Array(repeating: 0, count: 1 << (Int(log2Bits) - 6))
    }

    /// A set as `bits` stored it (for the lexicon cache); nil when the size does not fit.
    init?(log2Bits: Int32, bits: [UInt64]) {
        guard bits.count == 1 << (Int(log2Bits) - 6) else { return nil }
        self.log2Bits = log2Bits
        self.bits = bits
    }

    var storedBits: [UInt64] { bits }

    mutating func insert(_ a: UInt16, _ b: UInt16) {
        let slot = koe_pair_slot(a, b, log2Bits)
        bits[Int(slot >> 6)] |= 1 << UInt64(slot & 63)
    }

    @inline(__always)
    func contains(_ a: UInt16, _ b: UInt16) -> Bool {
        let slot = koe_pair_slot(a, b, log2Bits)
        return bits[Int(slot >> 6)] >> UInt64(slot & 63) & 1 != 0
    }

    /// Lets C code set bits: `body(bits, log2Bits)`.
    mutating func fill<R>(_ body: (UnsafeMutablePointer<UInt64>, Int32) -> R) -> R {
        let log2Bits = log2Bits
        return bits.withUnsafeMutableBufferPointer { body($0.baseAddress!, log2Bits) }
    }
}
