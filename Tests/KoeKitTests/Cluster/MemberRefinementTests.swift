import Testing
@testable import KoeKit

/// The pass after agglomeration: a member moves to a cluster it is clearly more like on
/// average, an unclustered item joins one it reaches the threshold with. Synthetic vectors;
/// feature ids stand for words.
private func v(_ pairs: [(Int32, Double)]) -> SparseVector { SparseVector(pairs, normalize: true) }

@Suite struct MemberRefinementTests {
    /// 0: an item that shares a word with cluster 2's members (2, 3, 4) but sits in cluster 0
    /// with 5 and 6, which it is less like; 1: unclustered, also like cluster 2.
    static let vectors: [SparseVector] = [
        v([(10, 1), (20, 1)]), v([(20, 1), (99, 1)]),
        v([(20, 1)]), v([(20, 1), (21, 0.1)]), v([(20, 1), (22, 0.1)]),
        v([(10, 1), (30, 1)]), v([(30, 1), (40, 1)]),
    ]
    static let assignment: [Int] = [0, 1, 2, 2, 2, 0, 0]

    /// Every pair with a positive similarity, best first (what the similarity graph keeps).
    static func graph(_ vectors: [SparseVector]) -> NeighbourItems {
        var orders: [[(Int, Double)]] = []
        for i in vectors.indices {
            var row: [(Int, Double)] = []
            for j in vectors.indices where j != i {
                let s = vectors[i].dot(vectors[j])
                if s > 0 { row.append((j, s)) }
            }
            row.sort { (a: (Int, Double), b: (Int, Double)) -> Bool in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
            orders.append(row)
        }
        return NeighbourItems(NeighbourLists(orders: orders, distinctOf: vectors.indices.map { Int32($0) }, keep: 40))
    }

    @Test func aMemberMovesToTheClusterItIsMostLikeOnAverage() {
        let refined = MemberRefinement(threshold: 0.03, minimumSize: 2)
            .refine(Self.assignment, vectors: Self.vectors, neighbours: Self.graph(Self.vectors))
        #expect(refined[0] == 2, "\(refined)")
        // The others stay: 5 and 6 are more like each other and 0 than like cluster 2.
        #expect(refined[2...] == Self.assignment[2...], "\(refined)")
    }

    @Test func anUnclusteredItemJoinsAClusterItReachesTheThresholdWith() {
        let refined = MemberRefinement(threshold: 0.03, minimumSize: 2)
            .refine(Self.assignment, vectors: Self.vectors, neighbours: Self.graph(Self.vectors))
        #expect(refined[1] == 2, "\(refined)")
    }

    @Test func noMoveToAClusterBelowTheThreshold() {
        // Items 0 and 1 reach 0.7 with cluster 2 on average: under a threshold of 0.8 both stay.
        let refined = MemberRefinement(threshold: 0.8, minimumSize: 2)
            .refine(Self.assignment, vectors: Self.vectors, neighbours: Self.graph(Self.vectors))
        #expect(refined == Self.assignment, "\(refined)")
    }

    /// Item 0 is like 1 (0.5) and not like 2 (0): 0.25 on average with its own cluster without
    /// itself, 0.5 with itself counted. It is like both members of cluster 3 (0.41 each).
    static let torn: (vectors: [SparseVector], assignment: [Int]) = (
        [v([(1, 1), (2, 1)]), v([(1, 1), (3, 1)]), v([(3, 1)]), v([(2, 1), (5, 1), (6, 1)]), v([(2, 1), (7, 1), (8, 1)])],
        [0, 0, 0, 3, 3])

    static func refineTorn(threshold: Double) -> [Int] {
        MemberRefinement(threshold: threshold, minimumSize: 2)
            .refine(torn.assignment, vectors: torn.vectors, neighbours: graph(torn.vectors))
    }

    @Test func theOwnClusterCountsWithoutTheItem() {
        // Counted without itself, the own cluster (0.25) loses to cluster 3 (0.41): item 0 moves.
        let refined = Self.refineTorn(threshold: 0.03)
        #expect(refined == [3, 0, 0, 3, 3], "\(refined)")
    }

    @Test func aSmallPreferenceDoesNotMove() {
        // Cluster 3 (0.41) beats the own cluster (0.25) by less than a threshold of 0.2 (and
        // reaches it): the item stays.
        let refined = Self.refineTorn(threshold: 0.2)
        #expect(refined == Self.torn.assignment, "\(refined)")
    }

    @Test func clusterMeanDotIsTheSumOfMemberDots() {
        let members = Array(Self.vectors[2...4])
        let mean = ClusterMean(members)
        for item in Self.vectors {
            let direct = members.map { $0.dot(item) }.reduce(0, +)
            #expect(abs(mean.sum(dot: item) - direct) < 1e-12)
        }
    }
}
