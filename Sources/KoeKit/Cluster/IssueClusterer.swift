import Foundation

/// Groups texts into recurring issues: TF-IDF vectors, then leader clustering over an
/// inverted index (each item is compared only with centres that share a term, never with
/// all pairs), then one reassignment pass to the final centres. Items are processed in key
/// order, so the same items in any input order give the same clusters and labels.
public struct IssueClusterer: Sendable {
    /// Minimum cosine to join a cluster.
    public var threshold = 0.12
    /// Clusters whose centres are at least this similar are merged (one issue, several phrasings).
    public var mergeThreshold = 0.25
    /// Terms in more than this share of items are too common to find candidate clusters.
    public var commonTermShare = 0.25
    /// Clusters smaller than this are returned as singletons' "other" (not as issues).
    public var minimumSize = 2
    public var labelTerms = 3
    public var quoteCount = 3

    public init() {}

    public func cluster(_ input: [ClusterItem]) -> [IssueCluster] {
        let items = input.sorted { ($0.key, $0.text) < ($1.key, $1.text) }
        guard !items.isEmpty else { return [] }
        let (vectors, vocabulary, df) = vectorize(items)
        let common = Double(items.count) * commonTermShare
        var centroids: [Centroid] = []
        var postings: [Int32: [Int]] = [:]
        var assignment = [Int](repeating: -1, count: items.count)
        for (i, v) in vectors.enumerated() where !v.isEmpty {
            var best = -1, bestScore = threshold
            var seen = Set<Int>()
            for (id, _) in v.entries where Double(df[Int(id)]) <= common {
                for c in postings[id] ?? [] where seen.insert(c).inserted {
                    let s = centroids[c].cosine(v)
                    if s > bestScore || (s == bestScore && best >= 0 && c < best) { best = c; bestScore = s }
                }
            }
            if best < 0 {
                best = centroids.count
                centroids.append(Centroid())
            }
            for id in centroids[best].add(v) { postings[id, default: []].append(best) }
            assignment[i] = best
        }
        // One reassignment pass: every item moves to its most similar final centre.
        for (i, v) in vectors.enumerated() where assignment[i] >= 0 {
            var best = assignment[i], bestScore = centroids[best].cosine(v)
            var seen = Set<Int>()
            for (id, _) in v.entries where Double(df[Int(id)]) <= common {
                for c in postings[id] ?? [] where seen.insert(c).inserted && centroids[c].count > 1 {
                    let s = centroids[c].cosine(v)
                    if s > bestScore + 1e-12 { best = c; bestScore = s }
                }
            }
            assignment[i] = best
        }
        assignment = merged(assignment, vectors: vectors, count: centroids.count)
        return build(items, vectors, assignment, vocabulary, df)
    }

    /// Unites clusters whose centres are similar: candidate pairs share one of their top
    /// terms, and pairs are taken in a fixed order, so the result does not depend on input order.
    private func merged(_ assignment: [Int], vectors: [SparseVector], count: Int) -> [Int] {
        var sums = [Centroid](repeating: Centroid(), count: count)
        for (i, c) in assignment.enumerated() where c >= 0 { sums[c].add(vectors[i]) }
        let centres = sums.map { c in SparseVector(c.sum.map { ($0.key, $0.value) }, normalize: true) }
        var byTerm: [Int32: [Int]] = [:]
        for (c, v) in centres.enumerated() where sums[c].count > 0 {
            let top = v.entries.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(8)
            for (id, _) in top { byTerm[id, default: []].append(c) }
        }
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var pairs = Set<Int>()
        for (_, list) in byTerm where list.count > 1 {
            for a in 0..<list.count { for b in (a + 1)..<list.count { pairs.insert(list[a] * count + list[b]) } }
        }
        for pair in pairs.sorted() {
            let a = pair / count, b = pair % count
            if centres[a].dot(centres[b]) >= mergeThreshold {
                let (ra, rb) = (root(a), root(b))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
        }
        return assignment.map { $0 >= 0 ? root($0) : $0 }
    }

    private func vectorize(_ items: [ClusterItem]) -> ([SparseVector], [String], [Int]) {
        let vocabulary = Array(Set(items.flatMap(\.terms))).sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        var df = [Int](repeating: 0, count: vocabulary.count)
        for item in items { for t in Set(item.terms) { df[Int(index[t]!)] += 1 } }
        let n = Double(items.count)
        let vectors = items.map { item -> SparseVector in
            var tf: [Int32: Double] = [:]
            for t in item.terms { tf[index[t]!, default: 0] += 1 }
            let pairs = tf.map { id, f -> (Int32, Double) in
                let idf = log((n + 1) / (Double(df[Int(id)]) + 1)) + 1
                let featureWeight = vocabulary[Int(id)].contains(":") ? 0.5 : 1.0
                return (id, (1 + log(f)) * idf * featureWeight)
            }
            return SparseVector(pairs, normalize: true)
        }
        return (vectors, vocabulary, df)
    }

    private func build(
        _ items: [ClusterItem], _ vectors: [SparseVector], _ assignment: [Int], _ vocabulary: [String], _ df: [Int]
    ) -> [IssueCluster] {
        var members: [Int: [Int]] = [:]
        for (i, c) in assignment.enumerated() where c >= 0 { members[c, default: []].append(i) }
        var clusters: [IssueCluster] = []
        for (_, list) in members where list.count >= minimumSize {
            var centre = Centroid()
            for i in list { centre.add(vectors[i]) }
            // Distinctive terms: weight in the centre, words before signal/topic features.
            let ranked = centre.sum.sorted { a, b in
                let wa = a.value * (vocabulary[Int(a.key)].contains(":") ? 0.1 : 1)
                let wb = b.value * (vocabulary[Int(b.key)].contains(":") ? 0.1 : 1)
                return wa != wb ? wa > wb : vocabulary[Int(a.key)] < vocabulary[Int(b.key)]
            }
            let terms = ranked.prefix(8).map { vocabulary[Int($0.key)] }
            let words = terms.filter { !$0.contains(":") }
            let closest = list.sorted { a, b in
                let sa = centre.cosine(vectors[a]), sb = centre.cosine(vectors[b])
                return sa != sb ? sa > sb : items[a].key < items[b].key
            }.prefix(quoteCount)
            clusters.append(IssueCluster(
                id: "", label: (words.isEmpty ? terms : words).prefix(labelTerms).joined(separator: "・"),
                terms: terms, members: list.map { items[$0].key },
                quotes: closest.map { items[$0].text }, quoteKeys: closest.map { items[$0].key }))
        }
        clusters.sort { ($1.size, $0.members[0]) < ($0.size, $1.members[0]) }
        return clusters.enumerated().map { i, c in
            IssueCluster(id: "c\(i + 1)", label: c.label, terms: c.terms, members: c.members, quotes: c.quotes, quoteKeys: c.quoteKeys)
        }
    }
}
