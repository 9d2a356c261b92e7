/// Many short UTF-16 keys in one buffer: key `i` is `units[offsets[i]..<offsets[i + 1]]`. A
/// lexicon has a few hundred thousand keys; one array each would cost an allocation apiece at
/// startup.
public struct FlatKeys: Sendable {
    public private(set) var units: [UInt16] = []
    public private(set) var offsets: [Int32] = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    @inline(__always)
    public func length(of i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }

    @inline(__always)
    public func unit(_ i: Int, _ d: Int) -> UInt16 { units[Int(offsets[i]) + d] }

    public mutating func append<C: Collection>(_ key: C) where C.Element == UInt16 {
        units.append(contentsOf: key)
        offsets.append(Int32(units.count))
    }

    public mutating func reserve(keys: Int, units: Int) {
        offsets.reserveCapacity(keys + 1)
        self.units.reserveCapacity(units)
    }

    /// Whether key `i` equals key `j` of `other`.
    @inline(__always)
    func equals(_ i: Int, _ other: FlatKeys, _ j: Int) -> Bool {
        let n = length(of: i)
        guard n == other.length(of: j) else { return false }
        let a = Int(offsets[i]), b = Int(other.offsets[j])
        for d in 0..<n where units[a + d] != other.units[b + d] { return false }
        return true
    }

    /// Key indices in lexicographic order of the keys (a prefix first; equal keys by index).
    /// The first four units of each key, packed into one integer, decide most of the order:
    /// the indices are radix-sorted by it (stable, so equal packs stay in index order), and
    /// only runs of keys sharing their first four units are compared further. Startup sorts a
    /// few hundred thousand keys, and a comparison sort spent most of the trie's build on it.
    func sortedOrder() -> [Int32] {
        let n = count
        var prefixes = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            var prefix: UInt64 = 0
            for d in 0..<4 { prefix = prefix << 16 | UInt64(d < length(of: i) ? unit(i, d) : 0) }
            prefixes[i] = prefix
        }
        var order = [Int32](repeating: 0, count: n)
        var scratch = [Int32](repeating: 0, count: n)
        var counts = [Int32](repeating: 0, count: 65537)
        prefixes.withUnsafeBufferPointer { prefixes in
            order.withUnsafeMutableBufferPointer { order in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for i in 0..<n { order[i] = Int32(i) }
                        var from = order, to = scratch
                        // Least significant 16 bits first; a pass whose digit is the same for
                        // every key is skipped.
                        for shift in stride(from: UInt64(0), to: 64, by: 16) {
                            counts.update(repeating: 0)
                            for i in 0..<n { counts[Int(truncatingIfNeeded: (prefixes[i] >> shift) & 0xFFFF) + 1] += 1 }
                            if counts.contains(Int32(n)) { continue }
                            for k in 1..<counts.count { counts[k] += counts[k - 1] }
                            for i in from {
                                let digit = Int(truncatingIfNeeded: (prefixes[Int(i)] >> shift) & 0xFFFF)
                                to[Int(counts[digit])] = i
                                counts[digit] += 1
                            }
                            swap(&from, &to)
                        }
                        if from.baseAddress != order.baseAddress { _ = order.update(fromContentsOf: from) }
                    }
                }
            }
        }
        var lo = 0
        while lo < n {
            let prefix = prefixes[Int(order[lo])]
            var hi = lo + 1
            while hi < n && prefixes[Int(order[hi])] == prefix { hi += 1 }
            if hi - lo > 1 {
                order[lo..<hi].sort { i, j in
                    let i = Int(i), j = Int(j)
                    let m = length(of: i), n = length(of: j)
                    var d = 4
                    while d < m && d < n {
                        let x = unit(i, d), y = unit(j, d)
                        if x != y { return x < y }
                        d += 1
                    }
                    return m < n || (m == n && i < j)
                }
            }
            lo = hi
        }
        return order
    }
}
