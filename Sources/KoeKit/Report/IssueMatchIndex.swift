/// Matches items of earlier weeks to the report week's issues (`IssueGrouping.match`) fast:
/// feature names are translated to the grouping's model once, and the similarity to every
/// cluster centre is summed over an inverted index of the centres, touching only the centres
/// that share a feature with the item. The sums add the same products in the same (feature
/// id) order as `SparseVector.dot`, so the result is exactly `IssueGrouping.match`'s.
struct IssueMatchIndex {
    private let grouping: IssueGrouping
    /// Model id of each interned feature name (nil: the model has not seen it).
    private let modelIDs: [Int32?]
    /// Model feature id → (centre, weight), centres in increasing order.
    private var postings: [Int32: [(centre: Int, weight: Double)]] = [:]

    init(_ grouping: IssueGrouping, names: [String]) {
        self.grouping = grouping
        modelIDs = names.map { grouping.model.index[$0] }
        sums = Array(repeating: 0, count: grouping.centres.count)
        marked = Array(repeating: false, count: grouping.centres.count)
        for (c, centre) in grouping.centres.enumerated() {
            for (id, weight) in centre.entries { postings[id, default: []].append((c, weight)) }
        }
    }

    /// Per centre, the similarity summed so far (scratch of `match`), and which were touched.
    private var sums: [Double]
    private var touched: [Int] = []
    private var marked: [Bool]

    /// The cluster the item at `range` of `items` matches (see `IssueGrouping.match`).
    mutating func match(_ range: Range<Int>, of items: CompactIssueItems) -> Int? {
        let modelIDs = self.modelIDs
        let vector = grouping.model.vector(range.lazy.map { (modelIDs[Int(items.ids[$0])], items.weights[$0]) })
        guard grouping.threshold > 0 else { return grouping.match(vector) }
        for (id, weight) in vector.entries {
            guard let list = postings[id] else { continue }
            for p in list {
                if !marked[p.centre] { marked[p.centre] = true; touched.append(p.centre) }
                sums[p.centre] += weight * p.weight
            }
        }
        touched.sort()
        var best: Int?, bestScore = grouping.threshold
        for i in touched {
            let s = sums[i]
            if s >= bestScore && (best == nil || s > bestScore) { best = i; bestScore = s }
            sums[i] = 0
            marked[i] = false
        }
        touched.removeAll(keepingCapacity: true)
        return best
    }
}
