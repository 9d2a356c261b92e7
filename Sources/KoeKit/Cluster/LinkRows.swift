import Dispatch

/// The similarity graph of agglomeration: per cluster, its neighbours and the sum of
/// member-pair similarities to each, as rows sorted by neighbour. A sorted array holds an
/// entry in 12 bytes where a dictionary row takes three to five times that, which matters
/// when a week has tens of thousands of grouped tickets.
struct LinkRows {
    /// A neighbour and the sum, packed in 12 bytes (an `Int32` beside a `Double` would be
    /// padded to 16): the sum's bits are kept as two 32-bit halves, so it is exact.
    struct Link {
        var other: Int32
        private var low: UInt32
        private var high: UInt32

        init(other: Int32, sum: Double) {
            self.other = other
            let bits = sum.bitPattern
            low = UInt32(truncatingIfNeeded: bits)
            high = UInt32(truncatingIfNeeded: bits >> 32)
        }

        var sum: Double {
            get { Double(bitPattern: UInt64(high) << 32 | UInt64(low)) }
            set {
                let bits = newValue.bitPattern
                low = UInt32(truncatingIfNeeded: bits)
                high = UInt32(truncatingIfNeeded: bits >> 32)
            }
        }
    }

    private(set) var rows: [[Link]]

    /// Rows from each item's best pairs, made symmetric; a pair kept from both sides is one
    /// link (its similarity is the same either way). Rows are sized before they are filled.
    init(_ lists: NeighbourLists) {
        let n = lists.distinctOf.count
        var degree = [Int](repeating: 0, count: n)
        for i in 0..<n {
            lists.forEach(i) { j, _ in
                degree[i] += 1
                degree[j] += 1
            }
        }
        var rows: [[Link]] = degree.map { d in
            var row: [Link] = []
            row.reserveCapacity(d)
            return row
        }
        degree = []
        for i in 0..<n {
            lists.forEach(i) { j, s in
                rows[i].append(Link(other: Int32(j), sum: s))
                rows[j].append(Link(other: Int32(i), sum: s))
            }
        }
        for i in rows.indices {
            rows[i].sort { $0.other < $1.other }
            var kept = 0
            for k in rows[i].indices where kept == 0 || rows[i][kept - 1].other != rows[i][k].other {
                rows[i][kept] = rows[i][k]
                kept += 1
            }
            // Sized for both sides of each pair; a pair kept from both sides is one link.
            rows[i] = kept == rows[i].count ? rows[i] : Array(rows[i][..<kept])
        }
        self.rows = rows
    }

    private static func find(_ other: Int, in row: [Link]) -> (found: Bool, at: Int) {
        var lo = 0, hi = row.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(row[mid].other) < other { lo = mid + 1 } else { hi = mid }
        }
        return (lo < row.count && Int(row[lo].other) == other, lo)
    }

    func sum(_ a: Int, _ b: Int) -> Double? {
        let (found, at) = Self.find(b, in: rows[a])
        return found ? rows[a][at].sum : nil
    }

    /// Merges cluster `gone` into `keep`: keep's row gains gone's neighbours (sums added where
    /// both had one), every neighbour's row names keep instead of gone. Returns keep's new row.
    mutating func merge(_ gone: Int, into keep: Int) -> [Link] {
        let a = rows[keep], b = rows[gone]
        var merged: [Link] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || i < a.count && a[i].other < b[j].other {
                if Int(a[i].other) != gone { merged.append(a[i]) }
                i += 1
            } else if i == a.count || b[j].other < a[i].other {
                if Int(b[j].other) != keep { merged.append(b[j]) }
                j += 1
            } else {
                merged.append(Link(other: a[i].other, sum: a[i].sum + b[j].sum))
                i += 1
                j += 1
            }
        }
        rows[gone] = []
        rows[keep] = merged
        for link in merged {
            let other = Int(link.other)
            let g = Self.find(gone, in: rows[other])
            if g.found { rows[other].remove(at: g.at) }
            let k = Self.find(keep, in: rows[other])
            if k.found { rows[other][k.at].sum = link.sum } else { rows[other].insert(Link(other: Int32(keep), sum: link.sum), at: k.at) }
        }
        return merged
    }
}

/// Each item's best pairs (`IssueClusterer.similarityGraph`), stored once per distinct vector:
/// item i keeps the first `keep` pairs of its vector's list that are not itself.
/// The lists sit in one block, `width` slots per distinct vector: a block that large comes
/// from its own mapping and goes back to the system when the graph is freed, where tens of
/// thousands of small lists stayed in the allocator's heap (which the merge queue, one large
/// block, cannot reuse), so the grouping's peak kept them.
struct NeighbourLists {
    /// Per distinct vector u: pairs (item, similarity) by similarity, then item index, at
    /// `links[u * width ..< u * width + counts[u]]`, packed in 12 bytes each
    /// (`LinkRows.Link`: the item is `other`, the similarity `sum`).
    private let links: [LinkRows.Link]
    private let counts: [Int32]
    private let width: Int
    /// Per item: its distinct vector.
    let distinctOf: [Int32]
    let keep: Int

    /// Lists of at most `width` pairs each, written by `fill(u, slots)` (it returns how many
    /// it wrote): `fill` may run on several threads at once, each for its own `u`.
    init(distinct: Int, width: Int, distinctOf: [Int32], keep: Int, workers: Int,
         fill: (_ u: Int, _ slots: UnsafeMutableBufferPointer<LinkRows.Link>, _ worker: Int) -> Int) {
        var counts = [Int32](repeating: 0, count: distinct)
        let links = [LinkRows.Link](unsafeUninitializedCapacity: distinct * width) { buffer, initialized in
            // Unwritten slots are set too (never read): the whole block is initialised.
            nonisolated(unsafe) let out = buffer
            counts.withUnsafeMutableBufferPointer { c in
                nonisolated(unsafe) let c = c
                withoutActuallyEscaping(fill) { fill in
                    nonisolated(unsafe) let fill = fill
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        for u in stride(from: worker, to: distinct, by: workers) {
                            let slots = UnsafeMutableBufferPointer(rebasing: out[u * width..<(u + 1) * width])
                            let n = fill(u, slots, worker)
                            for k in n..<width { slots[k] = LinkRows.Link(other: -1, sum: 0) }
                            c[u] = Int32(n)
                        }
                    }
                }
            }
            initialized = distinct * width
        }
        self.links = links
        self.counts = counts
        self.width = width
        self.distinctOf = distinctOf
        self.keep = keep
    }

    /// From lists of (item, similarity) pairs.
    init(orders: [[(Int, Double)]], distinctOf: [Int32], keep: Int) {
        let width = orders.map(\.count).max() ?? 0
        self.init(distinct: orders.count, width: width, distinctOf: distinctOf, keep: keep, workers: 1) { u, slots, _ in
            for (k, pair) in orders[u].enumerated() { slots[k] = LinkRows.Link(other: Int32(pair.0), sum: pair.1) }
            return orders[u].count
        }
    }

    var distinctCount: Int { counts.count }

    /// The list of distinct vector `u`.
    func list(_ u: Int) -> ArraySlice<LinkRows.Link> {
        links[u * width..<u * width + Int(counts[u])]
    }

    func forEach(_ i: Int, _ body: (Int, Double) -> Void) {
        var taken = 0
        for link in list(Int(distinctOf[i])) where Int(link.other) != i {
            guard taken < keep else { return }
            body(Int(link.other), link.sum)
            taken += 1
        }
    }
}

/// The items of each item's best pairs without their similarities (`NeighbourLists` read by
/// `MemberRefinement`, which only asks which clusters an item ends beside): 4 bytes a pair
/// in one array instead of 12 in a list per distinct vector, so the graph can be freed before
/// agglomeration while the refinement still sees the same neighbours in the same order.
struct NeighbourItems {
    /// Per distinct vector, its list's items in order: `items[starts[u]..<starts[u + 1]]`.
    private let items: [Int32]
    private let starts: [Int]
    /// Per item: its distinct vector.
    private let distinctOf: [Int32]
    private let keep: Int

    init(_ lists: NeighbourLists) {
        var starts = [0]
        starts.reserveCapacity(lists.distinctCount + 1)
        var items: [Int32] = []
        items.reserveCapacity((0..<lists.distinctCount).reduce(0) { $0 + lists.list($1).count })
        for u in 0..<lists.distinctCount {
            for link in lists.list(u) { items.append(link.other) }
            starts.append(items.count)
        }
        self.items = items
        self.starts = starts
        distinctOf = lists.distinctOf
        keep = lists.keep
    }

    /// The items `NeighbourLists.forEach(i)` gives, in its order.
    func forEach(_ i: Int, _ body: (Int) -> Void) {
        let u = Int(distinctOf[i])
        var taken = 0
        for k in starts[u]..<starts[u + 1] where Int(items[k]) != i {
            guard taken < keep else { return }
            body(Int(items[k]))
            taken += 1
        }
    }
}
