/// One lexicon match on the normalised text: `start..<end` in normalised UTF-16 units.
struct Hit: Equatable, Sendable {
    var start: Int32
    var end: Int32
    var entry: Int32

    var length: Int32 { end - start }

    func overlaps(_ other: Hit) -> Bool { start < other.end && other.start < end }
}

extension Array where Element == Hit {
    /// Longest first, then leftmost, then lexicon order.
    mutating func sortLongestFirst(scratch: inout [UInt64]) {
        sort(scratch: &scratch, packed: { h in
            UInt64(0xFFFF - UInt64(h.length)) << 48 | UInt64(h.start) << 20 | UInt64(h.entry)
        }, unpacked: { k in
            let start = Int32(truncatingIfNeeded: (k >> 20) & 0xFFF_FFFF)
            return Hit(start: start, end: start + Int32(0xFFFF - (k >> 48)), entry: Int32(k & 0xF_FFFF))
        }, fallback: { ($1.length, $0.start, $0.entry) < ($0.length, $1.start, $1.entry) })
    }

    /// Leftmost first, then lexicon order, then shortest.
    mutating func sortByStart(scratch: inout [UInt64]) {
        sort(scratch: &scratch, packed: { h in
            UInt64(h.start) << 36 | UInt64(h.entry) << 16 | UInt64(h.length)
        }, unpacked: { k in
            let start = Int32(truncatingIfNeeded: k >> 36)
            return Hit(start: start, end: start + Int32(k & 0xFFFF), entry: Int32((k >> 16) & 0xF_FFFF))
        }, fallback: { ($0.start, $0.entry, $0.length) < ($1.start, $1.entry, $1.length) })
    }

    /// Sorts through 64-bit keys that hold a whole hit (an integer sort, no comparator
    /// calls) when every hit fits: start < 2^28, entry < 2^20, length < 2^16 — always, but on
    /// lines of hundreds of megabytes or lexicons of a million entries, which use `fallback`.
    private mutating func sort(
        scratch: inout [UInt64], packed: (Hit) -> UInt64, unpacked: (UInt64) -> Hit,
        fallback: (Hit, Hit) -> Bool
    ) {
        guard count > 1 else { return }
        guard allSatisfy({ $0.start >= 0 && $0.start < 1 << 28 && $0.entry >= 0 && $0.entry < 1 << 20 && $0.length >= 0 && $0.length < 0xFFFF })
        else {
            sort(by: fallback)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for h in self { scratch.append(packed(h)) }
        scratch.sort()
        for i in indices { self[i] = unpacked(scratch[i]) }
    }
}
