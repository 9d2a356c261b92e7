/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// The root has a direct table; deeper nodes keep their edges sorted for binary search, so a
/// walk allocates nothing and costs a few comparisons per character.
public struct UTF16Trie: Sendable {
    private var rootChild: [Int32]
    private var edgeStart: [Int32] = [0]
    private var edgeCount: [Int32] = [0]
    private var value: [Int32] = [-1]
    private var edgeUnit: [UInt16] = []
    private var edgeTarget: [Int32] = []

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
        }
        value = values
        edgeStart = [Int32](repeating: 0, count: children.count)
        edgeCount = [Int32](repeating: 0, count: children.count)
        for (node, edges) in children.enumerated() {
            edgeStart[node] = Int32(edgeUnit.count)
            edgeCount[node] = Int32(edges.count)
            for unit in edges.keys.sorted() {
                edgeUnit.append(unit)
                edgeTarget.append(edges[unit]!)
            }
        }
        for (unit, target) in children[0] { rootChild[Int(unit)] = target }
    }

    public var isEmpty: Bool { edgeCount[0] == 0 }

    /// Whether any key starts with `unit` (one table load: lets callers skip most positions).
    @inline(__always)
    public func mayStart(with unit: UInt16) -> Bool { rootChild[Int(unit)] >= 0 }

    @inline(__always)
    private func child(of node: Int32, _ unit: UInt16) -> Int32 {
        if node == 0 { return rootChild[Int(unit)] }
        var lo = Int(edgeStart[Int(node)])
        var hi = lo + Int(edgeCount[Int(node)])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let u = edgeUnit[mid]
            if u == unit { return edgeTarget[mid] }
            if u < unit { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// Calls `body(end, value)` for every key that starts at `start`, shortest first.
    @inline(__always)
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (Int, Int32) -> Void
    ) {
        var node: Int32 = 0
        var i = start
        while i < text.count {
            node = child(of: node, text[i])
            if node < 0 { return }
            i += 1
            let v = value[Int(node)]
            if v >= 0 { body(i, v) }
        }
    }
}
