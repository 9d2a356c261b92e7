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

    /// Key indices in lexicographic order of the keys (a prefix first). The first four units
    /// of each key, packed into one integer, decide most comparisons.
    func sortedOrder() -> [Int32] {
        var order: [(prefix: UInt64, index: Int32)] = []
        order.reserveCapacity(count)
        for i in 0..<count {
            var prefix: UInt64 = 0
            for d in 0..<4 { prefix = prefix << 16 | UInt64(d < length(of: i) ? unit(i, d) : 0) }
            order.append((prefix, Int32(i)))
        }
        order.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let i = Int(a.index), j = Int(b.index)
            let m = length(of: i), n = length(of: j)
            var d = 4
            while d < m && d < n {
                let x = unit(i, d), y = unit(j, d)
                if x != y { return x < y }
                d += 1
            }
            return m < n || (m == n && i < j)
        }
        return order.map(\.index)
    }
}
