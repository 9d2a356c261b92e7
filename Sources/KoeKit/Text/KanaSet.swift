/// Strings of at most four hiragana (U+3041…U+309F), each kana packed into 7 bits of a UInt32
/// (1…95; no kana is 0, so strings of different lengths differ), in a linear-probing table
/// four times their number: a lookup is a multiply and a probe or two, no hashing of bytes.
struct KanaSet {
    private let slots: [UInt32]
    private let shift: UInt32

    init(_ keys: [UInt32]) {
        var bits: UInt32 = 4
        while 1 << bits < max(16, keys.count * 4) { bits += 1 }
        var slots = [UInt32](repeating: 0, count: 1 << Int(bits))
        shift = 32 - bits
        for key in keys {
            var slot = Self.home(key, shift)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
        self.slots = slots
    }

    @inline(__always)
    func contains(_ key: UInt32) -> Bool {
        var slot = Self.home(key, shift)
        while true {
            let k = slots[slot]
            if k == key { return true }
            if k == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    @inline(__always)
    private static func home(_ key: UInt32, _ shift: UInt32) -> Int { Int((key &* 2_654_435_761) >> shift) }

    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) -> UInt32 {
        var k: UInt32 = 0
        for p in a..<b { k = k << 7 | UInt32(text[p] &- 0x3040) }
        return k
    }

    static func key(_ kana: String) -> UInt32 {
        kana.utf16.reduce(0) { $0 << 7 | UInt32($1 &- 0x3040) }
    }
}
