/// Names told apart by their bytes (normalised text: see `NameTable`), stored back to back in
/// one byte array: about 20 bytes a name beside its end, hash and slot, where a `String` each
/// costs its own heap object too. For tables that grow with the input and give their names
/// back rarely: the terms of every week (`TermTable`) and the earlier weeks' feature names
/// (`FeatureSets`).
struct PackedNames: Sendable {
    private var bytes: [UInt8] = []
    /// End of each name in `bytes` (its start is the previous end).
    private var ends: [Int] = []
    /// `NameTable.hash` of each name, by id.
    private var hashes: [UInt64] = []
    /// Open addressing: id + 1 (0: empty); the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    var count: Int { ends.count }

    /// Name `id` as a new string.
    func name(_ id: Int32) -> String {
        let end = ends[Int(id)], start = id == 0 ? 0 : ends[Int(id) - 1]
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The id of `name`, inserted now when new.
    mutating func insert(_ name: String) -> (id: Int32, inserted: Bool) {
        insert(name, hash: NameTable.hash(name))
    }

    /// `insert` of a name whose `hash` is known (`h` must be `NameTable.hash(name)`).
    mutating func insert(_ name: String, hash h: UInt64) -> (id: Int32, inserted: Bool) {
        var name = name
        return name.withUTF8 { utf8 in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 {
                let id = Int(slots[slot]) - 1
                if hashes[id] == h {
                    let end = ends[id], start = id == 0 ? 0 : ends[id - 1]
                    let same = end - start == utf8.count && bytes.withUnsafeBufferPointer {
                        UnsafeBufferPointer(rebasing: $0[start..<end]).elementsEqual(utf8)
                    }
                    if same { return (Int32(id), false) }
                }
                slot = (slot + 1) & mask
            }
            let id = Int32(ends.count)
            bytes.append(contentsOf: utf8)
            ends.append(bytes.count)
            hashes.append(h)
            slots[slot] = id + 1
            if 2 * ends.count > slots.count { grow() }
            return (id, true)
        }
    }

    private mutating func grow() {
        let hashes = hashes
        OpenAddressing.grow(&slots, count: hashes.count) { id, mask in Int(truncatingIfNeeded: hashes[id]) & mask }
    }
}
