/// A max-heap of candidate merges for agglomerative clustering, ordered by score, then by
/// the smaller cluster ids (so equal scores merge in a fixed order).
struct MergeQueue {
    struct Candidate {
        let score: Double
        let a: Int
        let b: Int

        func before(_ other: Candidate) -> Bool {
            score != other.score ? score > other.score : (a, b) < (other.a, other.b)
        }
    }

    private var heap: [Candidate] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ c: Candidate) {
        heap.append(c)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].before(heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < heap.count && heap[l].before(heap[best]) { best = l }
                if r < heap.count && heap[r].before(heap[best]) { best = r }
                if best == i { break }
                heap.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}
