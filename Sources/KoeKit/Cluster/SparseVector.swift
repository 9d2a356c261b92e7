/// A sparse vector of term weights keyed by term id, sorted by id, for cosine similarity.
struct SparseVector: Sendable {
    private(set) var ids: [Int32] = []
    private(set) var weights: [Double] = []

    init() {}

    /// From unsorted (id, weight) pairs; equal ids are summed. L2-normalised when `normalize`.
    init(_ pairs: [(Int32, Double)], normalize: Bool) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        for (id, w) in sorted {
            if let last = ids.last, last == id { weights[weights.count - 1] += w } else {
                ids.append(id)
                weights.append(w)
            }
        }
        if normalize {
            let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { weights = weights.map { $0 / norm } }
        }
    }

    var isEmpty: Bool { ids.isEmpty }

    func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, s = 0.0
        while i < ids.count && j < other.ids.count {
            if ids[i] == other.ids[j] { s += weights[i] * other.weights[j]; i += 1; j += 1 }
            else if ids[i] < other.ids[j] { i += 1 } else { j += 1 }
        }
        return s
    }

    var entries: Zip2Sequence<[Int32], [Double]> { zip(ids, weights) }
}

/// A cluster centre: the running sum of its members' vectors, with its norm kept current.
struct Centroid {
    private(set) var sum: [Int32: Double] = [:]
    private(set) var normSquared = 0.0
    private(set) var count = 0

    func dot(_ v: SparseVector) -> Double {
        var s = 0.0
        for (id, w) in v.entries { s += w * (sum[id] ?? 0) }
        return s
    }

    func cosine(_ v: SparseVector) -> Double {
        normSquared > 0 ? dot(v) / normSquared.squareRoot() : 0
    }

    /// Adds `v`; returns the ids that are new to the centre (for the inverted index).
    @discardableResult
    mutating func add(_ v: SparseVector) -> [Int32] {
        let d = dot(v)
        var fresh: [Int32] = []
        var vv = 0.0
        for (id, w) in v.entries {
            if sum[id] == nil { fresh.append(id) }
            sum[id, default: 0] += w
            vv += w * w
        }
        normSquared += 2 * d + vv
        count += 1
        return fresh
    }
}
