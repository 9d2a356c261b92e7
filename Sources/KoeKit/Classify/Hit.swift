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
        let fits = PackedSort.sort(&self, scratch: &scratch, packed: packed, unpacked: unpacked) { h in
            h.start >= 0 && h.start < 1 << 28 && h.entry >= 0 && h.entry < 1 << 20 && h.length >= 0 && h.length < 0xFFFF
        }
        if !fits { sort(by: fallback) }
    }
}

/// Sorting a line's hits through 64-bit keys that each hold a whole hit, so that the order of
/// the keys is the order wanted and equal keys are equal hits: any sort gives the same result.
/// Lines hold a few dozen hits, sorted several times each: the keys are written and read
/// through pointers, and short runs are sorted by insertion in place.
enum PackedSort {
    /// Sorts `values` by their keys and returns true, or returns false (leaving them as they
    /// were) when one does not `fit` the packing.
    @inline(__always)
    static func sort<T>(
        _ values: inout [T], scratch: inout [UInt64], packed: (T) -> UInt64, unpacked: (UInt64) -> T,
        fits: (T) -> Bool
    ) -> Bool {
        let n = values.count
        if scratch.count < n { scratch.append(contentsOf: repeatElement(0, count: n - scratch.count)) }
        return scratch.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                for i in 0..<n {
                    guard fits(values[i]) else { return false }
                    keys[i] = packed(values[i])
                }
                sortKeys(keys.baseAddress!, n)
                for i in 0..<n { values[i] = unpacked(keys[i]) }
                return true
            }
        }
    }

    /// Up to this many keys are sorted by insertion.
    static let insertionLimit = 24

    static func sortKeys(_ keys: UnsafeMutablePointer<UInt64>, _ n: Int) {
        guard n > insertionLimit else {
            for i in 1..<max(1, n) {
                let k = keys[i]
                var j = i
                while j > 0 && keys[j - 1] > k {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = k
            }
            return
        }
        var all = UnsafeMutableBufferPointer(start: keys, count: n)
        all.sort()
    }
}
