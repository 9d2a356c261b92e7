/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// A walk allocates nothing and costs a few comparisons per character. It is laid out for
/// the cache, since most of a walk's cost is waiting for memory:
/// - a small bit filter (pairs of leading units) rejects most start positions outright;
/// - a hash table jumps straight to the node after the first two units, where a plain trie
///   would visit the root's table, a first-level node and its edges;
/// - deeper nodes are numbered breadth-first, so that edges need no target (edge `e` leads
///   to node `e + 1`): 8 bytes a node, 2 bytes an edge label, packed for binary search.
public struct UTF16Trie: Sendable {
    /// A node's edge labels are `edgeUnits[edgeStart ..< next node's edgeStart]` (a sentinel
    /// node closes the last range); edge `e` leads to node `e + 1`.
    private struct Node {
        var edgeStart: Int32
        var value: Int32
    }

    /// Pair table slot: the first two units of a key prefix and the node they lead to.
    private struct PairSlot {
        var units: UInt32 = 0
        var node: Int32 = -1
    }

    /// Value of each one-unit key (-1: none).
    private var singleValue: [Int32]
    private var pairs: [PairSlot]
    private var pairShift: UInt32
    private var nodes: [Node] = []
    private var edgeUnits: [UInt16] = []
    /// One bit per hashed pair of leading units, and per unit that is a whole key.
    private var pairBits = [UInt64](repeating: 0, count: UTF16Trie.filterBits / 64)
    private var singleBits = [UInt64](repeating: 0, count: 65536 / 64)
    private static let filterBits = 1 << 17

    /// ASCII digits are all one unit for matching (text and keys alike), so a key written with
    /// one number matches every number of the same shape: `<num>`, 3日 ≡ 5日.
    @inline(__always)
    static func fold(_ unit: UInt16) -> UInt16 { unit &- 0x31 < 9 ? 0x30 : unit }

    /// `keys[i]` gets value `i`. Empty keys are ignored; for duplicate keys the last wins.
    public init(keys rawKeys: [[UInt16]]) {
        let keys = rawKeys.map { $0.map(UTF16Trie.fold) }
        singleValue = [Int32](repeating: -1, count: 65536)
        // Sorted, each key once (the last index of equal keys): a node is then a range of keys
        // sharing a prefix, and its children are consecutive sub-ranges. No per-node tables,
        // so a lexicon of a few hundred thousand keys builds in milliseconds.
        var order = keys.indices.filter { !keys[$0].isEmpty }
        order.sort { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        for i in order {
            if let last = unique.last, keys[last] == keys[i] { unique[unique.count - 1] = i } else { unique.append(i) }
        }
        for i in unique {
            let key = keys[i]
            if key.count == 1 {
                singleBits[Int(key[0]) >> 6] |= 1 << (UInt64(key[0]) & 63)
                singleValue[Int(key[0])] = Int32(i)
            } else {
                let h = UTF16Trie.filterHash(key[0], key[1])
                pairBits[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        // Breadth-first over key ranges, children in label order: then the e-th edge of the
        // whole trie leads to node e + 1, and no edge needs to store its target.
        struct Range { var lo: Int, hi: Int, depth: Int }
        var queue = [Range(lo: 0, hi: unique.count, depth: 0)]
        var grandchildren: [(units: UInt32, node: Int32)] = []
        var head = 0
        while head < queue.count {
            let r = queue[head]
            var lo = r.lo
            var value: Int32 = -1
            if lo < r.hi && keys[unique[lo]].count == r.depth {
                value = Int32(unique[lo])
                lo += 1
            }
            nodes.append(Node(edgeStart: Int32(edgeUnits.count), value: value))
            while lo < r.hi {
                let unit = keys[unique[lo]][r.depth]
                var hi = lo + 1
                while hi < r.hi && keys[unique[hi]][r.depth] == unit { hi += 1 }
                edgeUnits.append(unit)
                if r.depth == 1 {
                    grandchildren.append((UInt32(keys[unique[lo]][0]) << 16 | UInt32(unit), Int32(queue.count)))
                }
                queue.append(Range(lo: lo, hi: hi, depth: r.depth + 1))
                lo = hi
            }
            head += 1
        }
        nodes.append(Node(edgeStart: Int32(edgeUnits.count), value: -1))
        // The pair table: at most half full, so probes stay short.
        var bits: UInt32 = 4
        while (1 << bits) < 2 * grandchildren.count { bits += 1 }
        pairShift = 32 - bits
        pairs = [PairSlot](repeating: PairSlot(), count: 1 << bits)
        for (units, node) in grandchildren {
            var slot = Int(UTF16Trie.mix(units) >> pairShift)
            while pairs[slot].node >= 0 { slot = (slot + 1) & (pairs.count - 1) }
            pairs[slot] = PairSlot(units: units, node: node)
        }
    }

    public var isEmpty: Bool { edgeUnits.isEmpty }

    @inline(__always)
    private static func mix(_ x: UInt32) -> UInt32 { x &* 0x9E37_79B1 }

    @inline(__always)
    private static func filterHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int(((UInt32(a) &* 0x9E37_79B1) ^ (UInt32(b) &* 0x85EB_CA6B)) >> 15)
    }

    /// Whether `unit` alone is a key.
    @inline(__always)
    private func isSingleKey(_ unit: UInt16) -> Bool { singleBits[Int(unit) >> 6] & (1 << (UInt64(unit) & 63)) != 0 }

    /// Whether a key may start at `text[i]` (false positives possible, no false negatives):
    /// two bit tests in cache-resident tables.
    @inline(__always)
    public func mayMatch(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
        let a = UTF16Trie.fold(text[i])
        if isSingleKey(a) { return true }
        guard i + 1 < text.count else { return false }
        let h = UTF16Trie.filterHash(a, UTF16Trie.fold(text[i + 1]))
        return pairBits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// The node reached from the root by `a` then `b`, or -1.
    @inline(__always)
    private func node(after a: UInt16, _ b: UInt16) -> Int32 {
        let units = UInt32(a) << 16 | UInt32(b)
        var slot = Int(UTF16Trie.mix(units) >> pairShift)
        while true {
            let s = pairs[slot]
            if s.node < 0 || s.units == units { return s.node }
            slot = (slot + 1) & (pairs.count - 1)
        }
    }

    /// Calls `body(end, value)` for every key that starts at `start`, shortest first.
    @inline(__always)
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (Int, Int32) -> Void
    ) {
        guard start < text.count else { return }
        let first = UTF16Trie.fold(text[start])
        // The bit set first: the value table is large and rarely needed.
        if isSingleKey(first) { body(start + 1, singleValue[Int(first)]) }
        guard start + 1 < text.count else { return }
        var node = self.node(after: first, UTF16Trie.fold(text[start + 1]))
        var i = start + 2
        nodes.withUnsafeBufferPointer { nodes in
            edgeUnits.withUnsafeBufferPointer { units in
                while node >= 0 {
                    let value = nodes[Int(node)].value
                    if value >= 0 { body(i, value) }
                    var lo = Int(nodes[Int(node)].edgeStart), hi = Int(nodes[Int(node) + 1].edgeStart)
                    guard i < text.count, lo < hi else { return }
                    let unit = UTF16Trie.fold(text[i])
                    node = -1
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        let u = units[mid]
                        if u == unit { node = Int32(mid + 1); break }
                        if u < unit { lo = mid + 1 } else { hi = mid }
                    }
                    i += 1
                }
            }
        }
    }
}
