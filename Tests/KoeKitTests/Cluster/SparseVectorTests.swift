import Testing
@testable import KoeKit

struct SparseVectorTests {
    /// The plain merge: products of the weights of shared ids, added in increasing id order.
    static func mergedDot(_ a: SparseVector, _ b: SparseVector) -> Double {
        let x = Array(a.entries), y = Array(b.entries)
        var i = 0, j = 0, s = 0.0
        while i < x.count && j < y.count {
            if x[i].0 == y[j].0 {
                s += x[i].1 * y[j].1
                i += 1
                j += 1
            } else if x[i].0 < y[j].0 { i += 1 } else { j += 1 }
        }
        return s
    }

    /// `dot` gives the merge's result to the bit (clustering compares scores for equality),
    /// on vectors that share some ids, none, or all, of every length from empty.
    @Test func dotIsTheMergeOfSharedIdsInIdOrder() {
        var rng = SeededGenerator(seed: 25)
        for round in 0..<2000 {
            let span = Int32(1 + round % 40)
            func vector() -> SparseVector {
                let count = Int.random(in: 0...12, using: &rng)
                let pairs = (0..<count).map { _ in (Int32.random(in: 0..<span, using: &rng), Double.random(in: 0.001...1, using: &rng)) }
                return SparseVector(pairs, normalize: round % 2 == 0)
            }
            let a = vector(), b = round % 7 == 0 ? a : vector()
            #expect(a.dot(b).bitPattern == Self.mergedDot(a, b).bitPattern, "round \(round)")
            #expect(b.dot(a).bitPattern == Self.mergedDot(b, a).bitPattern, "round \(round)")
        }
        let a = SparseVector([(1, 0.5), (3, 0.25), (9, 2)], normalize: false)
        let b = SparseVector([(0, 4), (3, 2), (9, 0.5), (12, 7)], normalize: false)
        #expect(a.dot(b) == 0.25 * 2 + 2 * 0.5)
        #expect(a.dot(SparseVector()) == 0)
    }
}
