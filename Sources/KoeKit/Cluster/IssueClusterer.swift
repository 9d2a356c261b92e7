import Foundation

/// Groups texts into recurring issues by average-linkage agglomeration over a sparse
/// similarity graph:
/// 1. TF-IDF vectors of the items' issue features (`IssueFeatures`);
/// 2. candidate pairs from an inverted index of the features that are not too common (never
///    all pairs), each scored by cosine; every item keeps its `neighbours` best pairs;
/// 3. clusters merge, best pair first, while the average similarity over all their member
///    pairs (a missing pair counts 0) reaches `threshold`. A merged cluster must stay close to
///    every member on average, so it cannot grow into a catch-all by chaining. Nor may a few
///    members carry a merge: at least `memberSupport` of the smaller cluster's members must
///    reach `threshold` with the other cluster on their own (a crash ticket that also names the
///    SMS code does not pull the whole SMS issue into the crash spike).
/// 4. one pass places each item by the clusters it ends beside, not by the order of merges
///    (`MemberRefinement`): a member moves to a cluster it is more like on average by at least
///    `threshold`, an unclustered item joins the one it reaches `threshold` with.
/// Clusters under `minimumSize` are left out: an unrelated ticket stays unclustered.
/// Items are processed in key order and ties break by key, so the same items in any input
/// order give the same clusters.
public struct IssueClusterer: Sendable {
    /// Minimum average similarity of two clusters' member pairs for them to merge (0–1).
    public var threshold = 0.03
    /// Pairs below this cosine are not kept in the graph.
    public var edgeFloor = 0.04
    /// Each item keeps at most this many best pairs (bounds memory; a pair counts when
    /// either item keeps it).
    public var neighbours = 40
    /// Features in more than this share of items — and in more than `commonFeatureFloor`
    /// items — do not propose candidate pairs. The share only bounds the work on large inputs:
    /// below the floor every shared feature proposes pairs, so one ticket more or less cannot
    /// switch off a feature that a whole issue shares (a spike's own kind in a small week).
    public var commonFeatureShare = 0.2
    public var commonFeatureFloor = 1000
    /// How many candidate pairs (summed over the features that propose them) one item may
    /// look at: its features propose in order of rarity (then by text, so the input order does
    /// not matter) until the budget is spent. Without it a large week of text that rarely
    /// repeats compares nearly every pair (16 minutes for a million tickets).
    public var candidateBudget = 300
    /// The share of the smaller cluster's members (rounded up) that must each reach `threshold`
    /// with the other cluster for the two to merge: a member's own best pairs in the other
    /// cluster, summed and divided by its size. Below five members one suffices, which the
    /// average already implies; from five on it takes at least two.
    public var memberSupport = 0.25
    public var minimumSize = 2
    public var quoteCount = 3

    public init() {}

    public func cluster(_ input: [ClusterItem]) -> [IssueCluster] {
        group(input).clusters
    }

    /// The clusters, plus what is needed to match items of other weeks to them.
    public func group(_ input: [ClusterItem]) -> IssueGrouping {
        let items = input.sorted { ($0.key, $0.text) < ($1.key, $1.text) }
        let model = FeatureModel(items.map(\.features))
        // Equal vectors (the same ticket sent again, a form letter) share one storage.
        var stored: [SparseVector.Key: SparseVector] = [:]
        let vectors = items.map { item in
            let v = model.vector(item.features)
            if let same = stored[v.key] { return same }
            stored[v.key] = v
            return v
        }
        stored = [:]
        // The graph's lists are freed before agglomeration: its rows and the refinement's
        // neighbour items (without similarities) are all that is kept of them.
        let (rows, near): (LinkRows, NeighbourItems) = {
            let graph = similarityGraph(vectors, model: model)
            return (LinkRows(graph), NeighbourItems(graph))
        }()
        let merged = agglomerate(consume rows, vectors: vectors, neighbours: near)
        let assignment = MemberRefinement(threshold: threshold, minimumSize: minimumSize)
            .refine(merged, vectors: vectors, neighbours: near)
        var members: [Int: [Int]] = [:]
        for (i, c) in assignment.enumerated() { members[c, default: []].append(i) }
        let groups = members.values.filter { $0.count >= minimumSize }
            .sorted { $0.count != $1.count ? $0.count > $1.count : items[$0[0]].key < items[$1[0]].key }
        let labeler = ClusterLabeler(model: model, quoteCount: quoteCount)
        var clusters: [IssueCluster] = []
        var centres: [SparseVector] = []
        for (rank, list) in groups.enumerated() {
            let centre = SparseVector.mean(list.map { vectors[$0] })
            centres.append(centre)
            clusters.append(labeler.cluster(id: "c\(rank + 1)", members: list.map { items[$0] }, vectors: list.map { vectors[$0] }, centre: centre))
        }
        Self.addSecondaryMentions(&clusters, items: items)
        return IssueGrouping(clusters: clusters, model: model, centres: centres, threshold: threshold)
    }

    /// Fills each cluster's `alsoMentionedBy`: the items outside it that name the issue too (a
    /// ticket about a crash that also says the SMS code never came). An item names it with the
    /// phrase its label stands for; with any other phrase that defines it only when the item also uses one of the issue's top words outside that
    /// phrase (届かない alone is not the SMS issue; 付与遅延 is not the payout delay).
    static func addSecondaryMentions(_ clusters: inout [IssueCluster], items: [ClusterItem]) {
        var byFeature: [String: [Int]] = [:]
        for (c, cluster) in clusters.enumerated() {
            for f in cluster.definingFeatures { byFeature[f, default: []].append(c) }
        }
        guard !byFeature.isEmpty else { return }
        let members = clusters.map { Set($0.members) }
        for item in items {
            var named = Set<Int>()
            for p in item.features.phrases {
                for f in [p.feature, p.problem] {
                    for c in byFeature[f] ?? [] where !members[c].contains(item.key) {
                        let cluster = clusters[c]
                        let byLabel = f == cluster.definingFeatures.first
                        // The shared word must be more than the phrase itself (遅延 of 付与遅延).
                        let term = cluster.terms.prefix(topTerms).contains { t in
                            item.features.weights["w:" + t] != nil && !p.text.lowercased().contains(t)
                        }
                        if byLabel || term {
                            named.insert(c)
                        }
                    }
                }
            }
            for c in named.sorted() { clusters[c].alsoMentionedBy.append(item.key) }
        }
    }

    /// How many of an issue's top words a text must share (one of them) to name it by a phrase
    /// other than its label's.
    static let topTerms = 3

    /// Cosine similarities of the pairs that share a feature no more common than
    /// `commonFeatureShare`, keeping each item's `neighbours` best pairs above `edgeFloor`
    /// (ties: the smaller item index first).
    /// Items with equal vectors (the same ticket sent again, a form letter) have equal scores
    /// against everything, so each distinct vector is scored once and its list shared by its
    /// items; the pairs kept are exactly those of scoring every item on its own.
    private func similarityGraph(_ vectors: [SparseVector], model: FeatureModel) -> NeighbourLists {
        let n = vectors.count
        // A feature proposes at most the budget's worth of pairs on its own.
        let common = min(max(commonFeatureFloor, Int(Double(n) * commonFeatureShare)), max(commonFeatureFloor, candidateBudget))
        // Distinct vectors and their items, in increasing item order.
        var distinctIndex: [SparseVector.Key: Int] = [:]
        var distinct: [SparseVector] = []
        var items: [[Int]] = []
        for (i, v) in vectors.enumerated() {
            let key = v.key
            if let u = distinctIndex[key] { items[u].append(i) } else {
                distinctIndex[key] = distinct.count
                distinct.append(v)
                items.append([i])
            }
        }
        var postings: [Int32: [Int]] = [:]
        for (u, v) in distinct.enumerated() {
            for id in v.ids where Int(id) < model.vocabulary.count {
                let df = model.documentFrequency[Int(id)]
                if df >= 2 && df <= common { postings[id, default: []].append(u) }
            }
        }
        // Each proposing feature's rank, rarest first, ties by the feature's text (so the input
        // order does not matter): an item's features propose in this order.
        let names = model.vocabulary
        var rank = [Int32](repeating: .max, count: names.count)
        for (r, id) in postings.keys.sorted(by: {
            let (a, b) = (model.documentFrequency[Int($0)], model.documentFrequency[Int($1)])
            return a != b ? a < b : names[Int($0)] < names[Int($1)]
        }).enumerated() { rank[Int(id)] = Int32(r) }
        /// Writes the list of distinct vector `u` into `order` (at most `neighbours + 1` slots)
        /// and returns its length (`seen`: scratch of its thread).
        func list(_ u: Int, seen: inout [Int], order: UnsafeMutableBufferPointer<LinkRows.Link>) -> Int {
            let v = distinct[u]
            var scored: [(u: Int, s: Double)] = []
            let proposing = v.ids.filter { Int($0) < rank.count && rank[Int($0)] != .max }.sorted { rank[Int($0)] < rank[Int($1)] }
            var proposed = 0
            for id in proposing where proposed < candidateBudget {
                let posting = postings[id]!
                proposed += posting.count
                for w in posting where seen[w] != u {
                    seen[w] = u
                    let s = v.dot(distinct[w])
                    if s >= edgeFloor { scored.append((w, s)) }
                }
            }
            scored.sort { $0.s > $1.s }
            // The first `neighbours + 1` items by score, then item index: one more than kept,
            // as an item never keeps itself.
            var count = 0
            var k = 0
            while k < scored.count && count <= neighbours {
                var run: [Int] = []
                let s = scored[k].s
                while k < scored.count && scored[k].s == s {
                    run += items[scored[k].u]
                    k += 1
                }
                run.sort()
                for i in run.prefix(neighbours + 1 - count) {
                    order[count] = LinkRows.Link(other: Int32(i), sum: s)
                    count += 1
                }
            }
            return count
        }
        // No list depends on another: they are made on all cores, the vectors dealt out in turn,
        // each written into its own slots of one block. (The lists only read what is built
        // above; nothing else runs on it meanwhile.)
        let count = distinct.count
        let workers = count < 512 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var distinctOf = [Int32](repeating: 0, count: n)
        for (u, list) in items.enumerated() { for i in list { distinctOf[i] = Int32(u) } }
        var seen = (0..<workers).map { _ in [Int](repeating: -1, count: count) }
        return seen.withUnsafeMutableBufferPointer { scratch in
            nonisolated(unsafe) let scratch = scratch
            nonisolated(unsafe) let list = list
            return NeighbourLists(distinct: count, width: neighbours + 1, distinctOf: distinctOf, keep: neighbours, workers: workers) { u, slots, worker in
                list(u, &scratch[worker], slots)
            }
        }
    }

    /// Average-linkage agglomeration; returns each item's cluster (the smallest item index in it).
    /// `links` is consumed: merging rewrites it in place (no second copy of the graph).
    private func agglomerate(_ links: consuming LinkRows, vectors: [SparseVector], neighbours: NeighbourItems) -> [Int] {
        var links = consume links  // cluster → neighbour cluster → sum of member-pair similarities
        let n = links.rows.count
        var size = [Int](repeating: 1, count: n)
        var parent = Array(0..<n)
        // Each cluster's members as a list threaded through the items, from the cluster's own
        // item: the next member (-1 after the last), and the last member of each cluster.
        var nextMember = [Int32](repeating: -1, count: n)
        var lastMember = (0..<n).map(Int32.init)
        /// The cluster of item `x` (halving the path it walks).
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        /// Whether `memberSupport` of cluster `side`'s members reach `threshold` with `other`
        /// on their own (each one's similarities to `other`'s members among its own best pairs,
        /// divided by `other`'s size). Stops as soon as the answer is known.
        func supported(_ side: Int, by other: Int) -> Bool {
            let needed = Int((memberSupport * Double(size[side])).rounded(.up))
            guard needed >= 2 else { return true }
            let bar = threshold * Double(size[other])
            var found = 0, left = size[side]
            var m = side
            while m >= 0 {
                let v = vectors[m]
                var sum = 0.0
                neighbours.forEach(m) { j in
                    if find(j) == other { sum += v.dot(vectors[j]) }
                }
                if sum >= bar { found += 1 }
                left -= 1
                if found >= needed { return true }
                if found + left < needed { return false }
                m = Int(nextMember[m])
            }
            return false
        }
        var pairs = 0
        for (a, row) in links.rows.enumerated() {
            for link in row where a < Int(link.other) && link.sum >= threshold { pairs += 1 }
        }
        // The queue is compacted before it outgrows its room, so it stays within a quarter
        // more than its live entries: among many equal items most entries go stale fast.
        // Its storage is allocated once, at that size, and handed over.
        var compactAt = max(1 << 16, pairs + pairs / 4)
        var initial: [MergeQueue.Candidate] = []
        initial.reserveCapacity(compactAt + 1)
        for (a, row) in links.rows.enumerated() {
            for link in row where a < Int(link.other) && link.sum >= threshold {
                initial.append(.init(score: link.sum, a: a, b: Int(link.other)))
            }
        }
        var queue = MergeQueue(consume initial)
        /// An entry is live while both are clusters and its score is their current average.
        func isLive(_ c: MergeQueue.Candidate) -> Bool {
            guard parent[c.a] == c.a, parent[c.b] == c.b, let sum = links.sum(c.a, c.b) else { return false }
            return abs(sum / Double(size[c.a] * size[c.b]) - c.score) < 1e-12
        }
        // Every merge pushes its new averages and leaves the old ones stale in the queue; among
        // many equal items that is millions of entries, so the stale ones are dropped now and then.
        while let c = queue.pop() {
            guard isLive(c) else { continue }  // stale: a fresher entry exists
            let (keep, gone) = (c.a, c.b)
            // The smaller side (both when equal) must back the merge with enough members; a
            // refused pair is dropped: it is weighed again if either side grows.
            let (small, large) = size[keep] <= size[gone] ? (keep, gone) : (gone, keep)
            guard supported(small, by: large) && (size[keep] != size[gone] || supported(large, by: small)) else { continue }
            parent[gone] = keep
            size[keep] += size[gone]
            nextMember[Int(lastMember[keep])] = Int32(gone)
            lastMember[keep] = lastMember[gone]
            for link in links.merge(gone, into: keep) {
                let other = Int(link.other)
                let average = link.sum / Double(size[keep] * size[other])
                if average >= threshold { queue.push(.init(score: average, a: min(keep, other), b: max(keep, other))) }
            }
            if queue.count > compactAt {
                queue.compact(keeping: isLive)
                compactAt = max(compactAt, queue.count + queue.count / 4)
            }
        }
        return (0..<n).map(find)
    }
}

/// The result of grouping one set of items (usually the report week): the clusters, and a
/// way to match items of other weeks to them with the same features and weights.
public struct IssueGrouping: Sendable {
    public let clusters: [IssueCluster]
    let model: FeatureModel
    /// Mean member vector of each cluster: its dot product with an item is the item's average
    /// similarity to the members.
    let centres: [SparseVector]
    let threshold: Double

    /// The index of the cluster `item` would have joined (its average similarity to the
    /// members reaches the threshold), the most similar first; nil when none.
    public func match(_ item: ClusterItem) -> Int? {
        match(model.vector(item.features))
    }

    /// `match` of a vector built with `model`.
    func match(_ v: SparseVector) -> Int? {
        var best: Int?, bestScore = threshold
        for (i, centre) in centres.enumerated() {
            let s = centre.dot(v)
            if s >= bestScore && (best == nil || s > bestScore) { best = i; bestScore = s }
        }
        return best
    }
}
