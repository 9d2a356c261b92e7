/// A read-only map from normalised words to values, looked up by a span of normalised UTF-16
/// code units: no `String` is built and nothing is Unicode-normalised while hashing (Swift
/// hashes a non-ASCII `String` through its NFC form). Keys and spans are both text the
/// `Normalizer` produced, where equal words are equal code units.
struct UnitWordTable<Value: Sendable>: Sendable {
    /// Open addressing: index into `keys` + 1 (0: empty).
    private var slots: [Int32]
    private var keys: [[UInt16]] = []
    private var values: [Value] = []
    private let mask: Int

    init(_ pairs: some Sequence<(String, Value)>) {
        let list = Array(pairs)
        var size = 16
        while size < 2 * list.count { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
        for (key, value) in list {
            let units = Array(key.utf16)
            let found = units.withUnsafeBufferPointer { find($0, 0..<units.count) }
            if let found {
                values[Int(found)] = value
                continue
            }
            var slot = units.withUnsafeBufferPointer { Self.hash($0, 0..<units.count) } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            keys.append(units)
            values.append(value)
            slots[slot] = Int32(keys.count)
        }
    }

    /// FNV-1a over the code units.
    private static func hash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in range {
            h ^= UInt64(units[k])
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    private func find(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Int32? {
        var slot = Self.hash(units, range) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            let key = keys[index]
            if key.count == range.count && key.withUnsafeBufferPointer({ k in
                var equal = true
                for i in 0..<k.count where k[i] != units[range.lowerBound + i] {
                    equal = false
                    break
                }
                return equal
            }) { return Int32(index) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value of the word in `units[range]`, if it is a key.
    func value(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Value? {
        find(units, range).map { values[Int($0)] }
    }

    func contains(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        find(units, range) != nil
    }
}
