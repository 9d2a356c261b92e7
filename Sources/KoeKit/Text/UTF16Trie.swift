/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// The root has a direct table; deeper nodes keep their edges sorted for binary search, so a
/// walk allocates nothing and costs a few comparisons per character. Nodes are numbered in
/// depth-first order, so a walk reads memory that lies close together, and the tables are
/// kept compact (8-byte nodes, packed edge labels) so that more of them stay in cache; a
/// small filter rejects most start positions before any of that.
public struct UTF16Trie: Sendable {
    /// A node's edges are `edgeUnits/edgeTargets[edgeStart ..< next node's edgeStart]`
    /// (a sentinel node closes the last range).
    private struct Node {
        var edgeStart: Int32
        var value: Int32
    }

    private var rootChild: [Int32]
    private var nodes: [Node] = []
    /// Edge labels apart from targets: a binary search reads only the packed labels.
    private var edgeUnits: [UInt16] = []
    private var edgeTargets: [Int32] = []
    /// One bit per hashed pair of leading units, and per unit that is a whole key: most text
    /// positions fail these cache-resident tests without touching the trie.
    private var pairBits = [UInt64](repeating: 0, count: UTF16Trie.filterBits / 64)
    private var singleBits = [UInt64](repeating: 0, count: 65536 / 64)
    private static let filterBits = 1 << 17

    /// `keys[i]` gets value `i`. Empty keys are ignored; for duplicate keys the last wins.
    public init(keys: [[UInt16]]) {
        rootChild = [Int32](repeating: -1, count: 65536)
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
            } else {
                let h = UTF16Trie.pairHash(key[0], key[1])
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
        for (unit, target) in children[0] { rootChild[Int(unit)] = number[Int(target)] }
    }

    public var isEmpty: Bool { edgeUnits.isEmpty }

    @inline(__always)
    private static func pairHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int(((UInt32(a) &* 0x9E37_79B1) ^ (UInt32(b) &* 0x85EB_CA6B)) >> 15)
    }

    /// Whether a key may start at `text[i]` (false positives possible, no false negatives):
    /// two bit tests in cache-resident tables.
    @inline(__always)
    public func mayMatch(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
        let a = text[i]
        if singleBits[Int(a) >> 6] & (1 << (UInt64(a) & 63)) != 0 { return true }
        guard i + 1 < text.count else { return false }
        let h = UTF16Trie.pairHash(a, text[i + 1])
        return pairBits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// Calls `body(end, value)` for every key that starts at `start`, shortest first.
    @inline(__always)
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (Int, Int32) -> Void
    ) {
        guard start < text.count else { return }
        var node = rootChild[Int(text[start])]
        var i = start + 1
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
