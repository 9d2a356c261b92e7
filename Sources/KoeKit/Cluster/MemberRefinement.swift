/// After agglomeration, one pass over the items places each by the clusters it ends beside:
/// a member moves to another cluster it is clearly more like on average, and an unclustered
/// item joins the cluster it is most like once that average reaches `threshold`.
///
/// Agglomeration decides by the order of merges: an item that joined a loose group early (a
/// payout ticket that also says 解約) stays there once its own issue has formed, and one
/// ticket more or less elsewhere changes which group got there first. Its graph also counts a
/// pair it did not keep as 0, so an item can stay out of a cluster it is like on average.
/// Here an item's similarity to a cluster is its dot product with the cluster's mean vector
/// (to its own cluster: without itself). A member moves only when the other cluster beats its
/// own by at least `threshold`, so near-ties between two close issues do not flip with every
/// small change. Candidates are the clusters of the item's kept neighbours in the similarity
/// graph: the pass costs about neighbours × features per item (binary searches in the means),
/// not items × clusters. The means are those before the pass (one pass: repeated passes drift).
struct MemberRefinement {
    var threshold: Double
    var minimumSize: Int

    /// `assignment`: each item's cluster id (any id per cluster). Returns the refined ids.
    /// `neighbours`: the similarity graph's items only (the similarities are not needed here).
    func refine(_ assignment: [Int], vectors: [SparseVector], neighbours: NeighbourItems) -> [Int] {
        var members: [Int: [Int]] = [:]
        for (i, c) in assignment.enumerated() { members[c, default: []].append(i) }
        var means: [Int: ClusterMean] = [:]
        for (c, list) in members where list.count >= minimumSize {
            means[c] = ClusterMean(list.map { vectors[$0] })
        }
        var next = assignment
        for i in assignment.indices {
            let own = assignment[i]
            let v = vectors[i]
            // A member must beat its own cluster (without itself) by `threshold`; an item of no
            // cluster only needs `threshold`.
            let ownMean = means[own]
            let needed = ownMean.map { ($0.sum(dot: v) - v.dot(v)) / Double($0.count - 1) + threshold } ?? threshold
            var best = needed, bestCluster = own
            var tried: Set<Int> = [own]
            neighbours.forEach(i) { j in
                let c = assignment[j]
                guard tried.insert(c).inserted, let mean = means[c] else { return }
                let s = mean.sum(dot: v) / Double(mean.count)
                if s > best || (s == best && (bestCluster == own || c < bestCluster)) {
                    best = s
                    bestCluster = c
                }
            }
            next[i] = bestCluster
        }
        return next
    }
}

/// The sum of a cluster's member vectors, for dot products with one item: weights by feature
/// id, looked up by binary search (an item has tens of features, a large cluster thousands).
struct ClusterMean {
    let count: Int
    private let ids: [Int32]
    private let weights: [Double]

    init(_ vectors: [SparseVector]) {
        count = vectors.count
        var sum: [Int32: Double] = [:]
        for v in vectors { for (id, w) in v.entries { sum[id, default: 0] += w } }
        let sorted = sum.sorted { $0.key < $1.key }
        ids = sorted.map(\.key)
        weights = sorted.map(\.value)
    }

    /// The sum over the members of their dot product with `v`.
    func sum(dot v: SparseVector) -> Double {
        var s = 0.0
        var lo = 0
        for (id, w) in v.entries {  // ids ascending: each search starts where the last ended
            var hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ids[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            guard lo < ids.count else { break }
            if ids[lo] == id { s += weights[lo] * w }
        }
        return s
    }
}
