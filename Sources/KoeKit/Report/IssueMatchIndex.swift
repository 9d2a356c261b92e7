/// Matches items of earlier weeks to the report week's issues (`IssueGrouping.match`) fast:
/// feature names are translated to the grouping's model once, each distinct feature set is
/// matched once, and the similarity to every cluster centre is summed over an inverted index
/// of the centres, touching only the centres that share a feature with the item. The sums
/// add the same products in the same (feature id) order as `SparseVector.dot`, so the result
/// is `IssueGrouping.match`'s.
struct IssueMatchIndex {
    private let grouping: IssueGrouping
    /// Model id of each interned feature name (nil: the model has not seen it).
    private let modelIDs: [Int32?]
    /// Model feature id → (centre, weight), centres in increasing order.
    private var postings: [Int32: [(centre: Int, weight: Double)]] = [:]
    /// Per feature set: its cluster, -1 for none, -2 not matched yet.
    private var matched: [Int32]
    /// Per centre, the similarity summed so far (scratch of `match`), and which were touched.
    private var sums: [Double]
    private var touched: [Int] = []
    private var marked: [Bool]

    init(_ grouping: IssueGrouping, sets: FeatureSets) {
        self.grouping = grouping
        modelIDs = (0..<sets.nameCount).map { grouping.model.id(of: sets.name(Int32($0))) }
        matched = Array(repeating: -2, count: sets.count)
        sums = Array(repeating: 0, count: grouping.centres.count)
        marked = Array(repeating: false, count: grouping.centres.count)
        for (c, centre) in grouping.centres.enumerated() {
            for (id, weight) in centre.entries { postings[id, default: []].append((c, weight)) }
        }
    }

    /// The cluster feature set `set` of `sets` matches (see `IssueGrouping.match`).
    mutating func match(_ set: Int32, in sets: FeatureSets) -> Int? {
        if matched[Int(set)] == -2 { matched[Int(set)] = Int32(compute(sets.range(set), sets) ?? -1) }
        let m = matched[Int(set)]
        return m >= 0 ? Int(m) : nil
    }

    private mutating func compute(_ range: Range<Int>, _ sets: FeatureSets) -> Int? {
        let modelIDs = self.modelIDs
        let vector = grouping.model.vector(range.lazy.map { (modelIDs[Int(sets.ids[$0])], sets.weight(at: $0)) })
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
