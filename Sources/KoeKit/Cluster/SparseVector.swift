/// A sparse vector of term weights keyed by term id, sorted by id, for cosine similarity.
struct SparseVector: Sendable {
    private(set) var ids: [Int32] = []
    private(set) var weights: [Double] = []

    init() {}

    /// From unsorted (id, weight) pairs; equal ids are summed. L2-normalised when `normalize`.
    init(_ pairs: [(Int32, Double)], normalize: Bool) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        // Sized for the pairs (ids are rarely repeated): a vector per grouped item adds up.
        ids.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
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

    /// Equal keys: equal vectors.
    struct Key: Hashable {
        let ids: [Int32]
        let weights: [Double]
    }

    var key: Key { Key(ids: ids, weights: weights) }

    /// The sum of the products of the weights of shared ids, in increasing id order. The merge
    /// steps without a branch on which id is smaller (that branch is taken at random).
    func dot(_ other: SparseVector) -> Double {
        ids.withUnsafeBufferPointer { a in
            other.ids.withUnsafeBufferPointer { b in
                weights.withUnsafeBufferPointer { wa in
                    other.weights.withUnsafeBufferPointer { wb in
                        var i = 0, j = 0, s = 0.0
                        let na = a.count, nb = b.count
                        while i < na && j < nb {
                            let x = a[i], y = b[j]
                            if x == y { s += wa[i] * wb[j] }
                            i &+= x <= y ? 1 : 0
                            j &+= y <= x ? 1 : 0
                        }
                        return s
                    }
                }
            }
        }
    }

    var entries: Zip2Sequence<[Int32], [Double]> { zip(ids, weights) }

    /// The mean of `vectors` (not normalised).
    static func mean(_ vectors: [SparseVector]) -> SparseVector {
        guard !vectors.isEmpty else { return SparseVector() }
        let pairs = vectors.flatMap { v in v.entries.map { ($0.0, $0.1 / Double(vectors.count)) } }
        return SparseVector(pairs, normalize: false)
    }
}
