/// After agglomeration, each member moves to the cluster it is most similar to on average:
/// its dot product with the cluster's mean vector (its own cluster without itself).
///
/// Agglomeration decides by the order of merges: an item that joined a loose group early (a
/// payout ticket that also says 解約) stays there once its own issue has formed, and one
/// ticket more or less elsewhere changes which group got there first. One pass over the
/// final members makes an item's place depend on the clusters it ends beside, not on the path.
/// Unclustered items stay unclustered (no cluster reached the threshold for them); an item
/// only moves to a cluster it reaches `threshold` with on average, of one of its kept
/// neighbours in the similarity graph, so the pass costs about neighbours × features per
/// item (binary searches in the means), not items × clusters. Ties keep the item where it is.
/// One pass only: repeated passes drift (each move changes the means), which measured worse.
struct MemberRefinement {
    var threshold: Double
    var minimumSize: Int

    /// `assignment`: each item's cluster id (any id per cluster). Returns the refined ids.
    func refine(_ assignment: [Int], vectors: [SparseVector], neighbours: NeighbourLists) -> [Int] {
        var members: [Int: [Int]] = [:]
        for (i, c) in assignment.enumerated() { members[c, default: []].append(i) }
        var means: [Int: ClusterMean] = [:]
        for (c, list) in members where list.count >= minimumSize {
            means[c] = ClusterMean(list.map { vectors[$0] })
        }
        var next = assignment
        for i in assignment.indices {
            let own = assignment[i]
            guard let ownMean = means[own] else { continue }
            let v = vectors[i]
            // Average similarity to the other members: the item's own term is dropped.
            var best = (ownMean.sum(dot: v) - v.dot(v)) / Double(ownMean.count - 1)
            var bestCluster = own
            var tried: Set<Int> = [own]
            neighbours.forEach(i) { j, _ in
                let c = assignment[j]
                guard tried.insert(c).inserted, let mean = means[c] else { return }
                let s = mean.sum(dot: v) / Double(mean.count)
                if s >= threshold && (s > best || (s == best && bestCluster != own && c < bestCluster)) {
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
