/// Strings interned to dense ids (0, 1, 2 … in order of first insertion), looked up by their
/// UTF-8 bytes: open addressing with FNV-1a, no `Hasher` and no Unicode normalisation (Swift
/// hashes and compares a non-ASCII `String` through its NFC form). For normalised text — the
/// analyser's words and the features built of them — equal words have equal bytes.
struct NameTable: Sendable {
    /// Names by id.
    private(set) var names: [String] = []
    /// `hash` of each name, by id.
    private(set) var hashes: [UInt64] = []
    /// Open addressing: id + 1 (0: empty); the count is a power of two.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 8) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { names.count }

    /// The id of `name`, nil when it was never inserted.
    func id(of name: String) -> Int32? {
        let h = Self.hash(name)
        return lookup(name, h).id
    }

    /// The id of `name`, inserted now when new.
    mutating func insert(_ name: String) -> (id: Int32, inserted: Bool) {
        insert(name, hash: Self.hash(name))
    }

    /// `insert` of a name whose `hash` is known (`h` must be `NameTable.hash(name)`).
    mutating func insert(_ name: String, hash h: UInt64) -> (id: Int32, inserted: Bool) {
        let (found, slot) = lookup(name, h)
        if let found { return (found, false) }
        let id = Int32(names.count)
        names.append(name)
        hashes.append(h)
        slots[slot] = id + 1
        if 2 * names.count > slots.count { grow() }
        return (id, true)
    }

    /// The id of `name` if present, else the empty slot it would take.
    private func lookup(_ name: String, _ h: UInt64) -> (id: Int32?, slot: Int) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if hashes[id] == h && Self.sameBytes(names[id], name) { return (Int32(id), slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    private mutating func grow() {
        let hashes = hashes
        OpenAddressing.grow(&slots, count: hashes.count) { id, mask in Int(truncatingIfNeeded: hashes[id]) & mask }
        mask = slots.count - 1
    }

    /// FNV-1a over the UTF-8 bytes, mixed so the low bits spread.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) {
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x100_0000_01b3
            }
        }
        if s.utf8.withContiguousStorageIfAvailable({ add($0) }) == nil { add(s.utf8) }
        return h ^ (h >> 29)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
