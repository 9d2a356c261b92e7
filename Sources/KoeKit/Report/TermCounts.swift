/// How many items of one week use each term (`TermTable` ids), in order of the first item
/// that used it: an open-addressing table of 8 bytes a slot beside two flat arrays, where a
/// per-week copy of every term's string cost about a hundred bytes a term.
struct TermCounts: Sendable {
    /// Position in `order` + 1 (0: empty); the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 256)
    /// Term ids, in order of first count, and their counts.
    private(set) var order: [Int32] = []
    private(set) var counts: [Int32] = []

    var isEmpty: Bool { order.isEmpty }

    private static func start(_ id: Int32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    mutating func increment(_ id: Int32) {
        let mask = slots.count - 1
        var slot = Self.start(id, mask: mask)
        while slots[slot] != 0 {
            let at = Int(slots[slot]) - 1
            if order[at] == id {
                counts[at] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        order.append(id)
        counts.append(1)
        slots[slot] = Int32(order.count)
        if 2 * order.count > slots.count { grow() }
    }

    private mutating func grow() {
        let order = order
        OpenAddressing.grow(&slots, count: order.count) { at, mask in Self.start(order[at], mask: mask) }
    }
}
