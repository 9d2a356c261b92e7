/// A max-heap of candidate merges for agglomerative clustering, ordered by score, then by
/// the smaller cluster ids (so equal scores merge in a fixed order).
/// The heap is 4-ary: a pop walks half as many levels as in a binary heap, and the four
/// children it compares sit side by side in memory (a queue of millions of entries is
/// mostly cache misses). The order is total, so the entries pop in the same order whatever
/// the heap's shape.
struct MergeQueue {
    struct Candidate {
        let score: Double
        /// Item indices as 32 bits: a queue of millions of entries stays half the size.
        private let a32: Int32
        private let b32: Int32
        var a: Int { Int(a32) }
        var b: Int { Int(b32) }

        init(score: Double, a: Int, b: Int) {
            self.score = score
            a32 = Int32(a)
            b32 = Int32(b)
        }

        func before(_ other: Candidate) -> Bool {
            score != other.score ? score > other.score : (a, b) < (other.a, other.b)
        }
    }

    private var heap: [Candidate] = []

    init() {}

    /// A queue of `candidates` (in any order) in their storage: reserve room for later pushes
    /// before handing it over.
    init(_ candidates: consuming [Candidate]) {
        heap = candidates
        heapify()
    }

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// Drops the entries `isLive` rejects (stale ones `pop` would skip) and restores the heap.
    /// The entries left pop in the same order as before: the order is total.
    mutating func compact(keeping isLive: (Candidate) -> Bool) {
        heap.removeAll { !isLive($0) }
        heapify()
    }

    /// Children per node.
    private static let arity = 4

    /// Restores the heap order of the whole array.
    private mutating func heapify() {
        var i = (heap.count + Self.arity - 2) / Self.arity
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    mutating func push(_ c: Candidate) {
        heap.append(c)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / Self.arity
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
            siftDown(0)
        }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        let count = heap.count
        heap.withUnsafeMutableBufferPointer { heap in
            var i = start
            let moving = heap[i]
            while true {
                let first = Self.arity * i + 1
                guard first < count else { break }
                var best = first
                for c in first + 1..<min(first + Self.arity, count) where heap[c].before(heap[best]) { best = c }
                guard heap[best].before(moving) else { break }
                heap[i] = heap[best]
                i = best
            }
            heap[i] = moving
        }
    }
}
