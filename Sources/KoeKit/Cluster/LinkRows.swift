/// The similarity graph of agglomeration: per cluster, its neighbours and the sum of
/// member-pair similarities to each, as rows sorted by neighbour. A sorted array holds an
/// entry in 16 bytes where a dictionary row takes two to four times that, which matters when
/// a week has tens of thousands of grouped tickets.
struct LinkRows {
    struct Link {
        var other: Int32
        var sum: Double
    }

    private(set) var rows: [[Link]]

    /// Rows from directed pairs (`lists[i]` holds i's (j, s)), made symmetric; a pair listed
    /// from both sides is one link (its similarity is the same either way).
    init(count: Int, lists: [[(Int, Double)]]) {
        rows = Array(repeating: [], count: count)
        for (i, list) in lists.enumerated() {
            for (j, s) in list {
                rows[i].append(Link(other: Int32(j), sum: s))
                rows[j].append(Link(other: Int32(i), sum: s))
            }
        }
        for i in rows.indices {
            rows[i].sort { $0.other < $1.other }
            var kept: [Link] = []
            kept.reserveCapacity(rows[i].count)
            for link in rows[i] where kept.last?.other != link.other { kept.append(link) }
            rows[i] = kept
        }
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
