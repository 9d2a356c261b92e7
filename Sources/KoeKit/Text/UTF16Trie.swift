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
        var keys = FlatKeys()
        for key in rawKeys { keys.append(key.lazy.map(UTF16Trie.fold)) }
        // Sorted, each key once (the last index of equal keys).
        var sorted = FlatKeys(), values: [Int32] = []
        for i in keys.sortedOrder().map(Int.init) where keys.length(of: i) > 0 {
            let key = keys.units[Int(keys.offsets[i])..<Int(keys.offsets[i + 1])]
            if let last = values.last, keys.units[Int(keys.offsets[Int(last)])..<Int(keys.offsets[Int(last) + 1])] == key {
                values[values.count - 1] = Int32(i)
            } else {
                sorted.append(key)
                values.append(Int32(i))
            }
        }
        self.init(sorted: sorted, values: values)
    }

    /// `sorted` holds distinct, non-empty keys, folded (`fold`) and in lexicographic order;
    /// key `i` gets `values[i]`. A node is then a range of keys sharing a prefix, and its
    /// children are consecutive sub-ranges: no per-node tables, so a lexicon of a few hundred
    /// thousand keys builds in milliseconds.
    init(sorted keys: FlatKeys, values: [Int32]) {
        singleValue = [Int32](repeating: -1, count: 65536)
        for i in 0..<keys.count {
            if keys.length(of: i) == 1 {
                let u = keys.unit(i, 0)
                singleBits[Int(u) >> 6] |= 1 << (UInt64(u) & 63)
                singleValue[Int(u)] = values[i]
            } else {
                let h = UTF16Trie.filterHash(keys.unit(i, 0), keys.unit(i, 1))
                pairBits[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        // Breadth-first over key ranges, children in label order: then the e-th edge of the
        // whole trie leads to node e + 1, and no edge needs to store its target.
        struct Range { var lo: Int32, hi: Int32, depth: Int32 }
        // A node per distinct prefix: at most one per unit, and growing these arrays by
        // doubling would copy (and fault in) megabytes.
        var queue: [Range] = []
        queue.reserveCapacity(keys.units.count + 1)
        queue.append(Range(lo: 0, hi: Int32(keys.count), depth: 0))
        nodes.reserveCapacity(keys.units.count + 2)
        edgeUnits.reserveCapacity(keys.units.count)
        var grandchildren: [(units: UInt32, node: Int32)] = []
        var head = 0
        while head < queue.count {
            let r = queue[head]
            var lo = Int(r.lo)
            let end = Int(r.hi), depth = Int(r.depth)
            var value: Int32 = -1
            if lo < end && keys.length(of: lo) == depth {
                value = values[lo]
                lo += 1
            }
            nodes.append(Node(edgeStart: Int32(edgeUnits.count), value: value))
            while lo < end {
                let unit = keys.unit(lo, depth)
                var hi = lo + 1
                while hi < end && keys.unit(hi, depth) == unit { hi += 1 }
                edgeUnits.append(unit)
                if depth == 1 {
                    grandchildren.append((UInt32(keys.unit(lo, 0)) << 16 | UInt32(unit), Int32(queue.count)))
                }
                queue.append(Range(lo: Int32(lo), hi: Int32(hi), depth: r.depth + 1))
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

extension UTF16Trie {
    /// The trie's tables, for the lexicon cache (`LexiconCache`).
    func write(to out: inout CacheWriter) {
        out.array(singleValue)
        out.array(pairs)
        out.int(Int(pairShift))
        out.array(nodes)
        out.array(edgeUnits)
        out.array(pairBits)
        out.array(singleBits)
    }

    /// A trie as `write` stored it; throws when the tables cannot be a trie's.
    init(reading input: inout CacheReader) throws {
        singleValue = try input.array()
        pairs = try input.array()
        let shift = try input.int()
        nodes = try input.array()
        edgeUnits = try input.array()
        pairBits = try input.array()
        singleBits = try input.array()
        pairShift = UInt32(truncatingIfNeeded: shift)
        let nodes = self.nodes, edgeCount = edgeUnits.count
        guard singleValue.count == 65536, singleBits.count == 65536 / 64, pairBits.count == UTF16Trie.filterBits / 64,
            pairs.count >= 16, pairs.count.nonzeroBitCount == 1, shift == 32 - pairs.count.trailingZeroBitCount,
            nodes.count >= 1, nodes.last.map({ Int($0.edgeStart) == edgeCount }) == true
        else { throw CacheFormatError(description: "bad trie") }
    }
}
