/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// A walk allocates nothing and costs a few comparisons per character. It is laid out for
/// the cache, since most of a walk's cost is waiting for memory:
/// - a small bit filter (pairs of leading units) rejects most start positions outright;
/// - a hash table jumps straight to the node after the first two units, where a plain trie
///   would visit the root's table, a first-level node and its edges;
/// - deeper nodes are numbered depth-first (a walk reads memory that lies close together),
///   8 bytes each, with their edge labels packed apart from the targets for binary search.
public struct UTF16Trie: Sendable {
    /// A node's edges are `edgeUnits/edgeTargets[edgeStart ..< next node's edgeStart]`
    /// (a sentinel node closes the last range).
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
    private var edgeTargets: [Int32] = []
    /// One bit per hashed pair of leading units, and per unit that is a whole key.
    private var pairBits = [UInt64](repeating: 0, count: UTF16Trie.filterBits / 64)
    private var singleBits = [UInt64](repeating: 0, count: 65536 / 64)
    private static let filterBits = 1 << 17

    /// `keys[i]` gets value `i`. Empty keys are ignored; for duplicate keys the last wins.
    public init(keys: [[UInt16]]) {
        singleValue = [Int32](repeating: -1, count: 65536)
        // Build with per-node dictionaries, then freeze into sorted flat arrays.
        var children: [[UInt16: Int32]] = [[:]]
        var values: [Int32] = [-1]
        for (index, key) in keys.enumerated() where !key.isEmpty {
            var node: Int32 = 0
            for unit in key {
                if let next = children[Int(node)][unit] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    values.append(-1)
                    children[Int(node)][unit] = next
                    node = next
                }
            }
            values[Int(node)] = Int32(index)
            if key.count == 1 {
                singleBits[Int(key[0]) >> 6] |= 1 << (UInt64(key[0]) & 63)
                singleValue[Int(key[0])] = Int32(index)
            } else {
                let h = UTF16Trie.filterHash(key[0], key[1])
                pairBits[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        // Depth-first numbering: a node's children follow it, and their edges follow its own.
        var order: [Int32] = [], stack: [Int32] = [0]
        var number = [Int32](repeating: -1, count: children.count)
        while let node = stack.popLast() {
            number[Int(node)] = Int32(order.count)
            order.append(node)
            for unit in children[Int(node)].keys.sorted(by: >) { stack.append(children[Int(node)][unit]!) }
        }
        nodes.reserveCapacity(children.count + 1)
        for old in order {
            nodes.append(Node(edgeStart: Int32(edgeUnits.count), value: values[Int(old)]))
            for unit in children[Int(old)].keys.sorted() {
                edgeUnits.append(unit)
                edgeTargets.append(number[Int(children[Int(old)][unit]!)])
            }
        }
        nodes.append(Node(edgeStart: Int32(edgeUnits.count), value: -1))
        // The pair table: at most half full, so probes stay short.
        let pairCount = children[0].values.reduce(0) { $0 + children[Int($1)].count }
        var bits: UInt32 = 4
        while (1 << bits) < 2 * pairCount { bits += 1 }
        pairShift = 32 - bits
        pairs = [PairSlot](repeating: PairSlot(), count: 1 << bits)
        for (a, first) in children[0] {
            for (b, second) in children[Int(first)] {
                let units = UInt32(a) << 16 | UInt32(b)
                var slot = Int(UTF16Trie.mix(units) >> pairShift)
                while pairs[slot].node >= 0 { slot = (slot + 1) & (pairs.count - 1) }
                pairs[slot] = PairSlot(units: units, node: number[Int(second)])
            }
        }
    }

    public var isEmpty: Bool { edgeUnits.isEmpty }

    @inline(__always)
    private static func mix(_ x: UInt32) -> UInt32 { x &* 0x9E37_79B1 }

    @inline(__always)
    private static func filterHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int(((UInt32(a) &* 0x9E37_79B1) ^ (UInt32(b) &* 0x85EB_CA6B)) >> 15)
    }

    /// Whether a key may start at `text[i]` (false positives possible, no false negatives):
    /// two bit tests in cache-resident tables.
    @inline(__always)
    public func mayMatch(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
        let a = text[i]
        if singleBits[Int(a) >> 6] & (1 << (UInt64(a) & 63)) != 0 { return true }
        guard i + 1 < text.count else { return false }
        let h = UTF16Trie.filterHash(a, text[i + 1])
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
        let single = singleValue[Int(text[start])]
        if single >= 0 { body(start + 1, single) }
        guard start + 1 < text.count else { return }
        var node = self.node(after: text[start], text[start + 1])
        var i = start + 2
        nodes.withUnsafeBufferPointer { nodes in
            edgeUnits.withUnsafeBufferPointer { units in
                while node >= 0 {
                    let value = nodes[Int(node)].value
                    if value >= 0 { body(i, value) }
                    var lo = Int(nodes[Int(node)].edgeStart), hi = Int(nodes[Int(node) + 1].edgeStart)
                    guard i < text.count, lo < hi else { return }
                    let unit = text[i]
                    node = -1
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        let u = units[mid]
                        if u == unit { node = edgeTargets[mid]; break }
                        if u < unit { lo = mid + 1 } else { hi = mid }
                    }
                    i += 1
                }
            }
        }
    }
}
