import Testing
@testable import KoeKit

/// The refinement's copy of the similarity graph (items only, one flat array) must give every
/// item the neighbours the graph's lists give it, in the same order: itself skipped, at most
/// `keep`, and one list shared by the items of one distinct vector.
@Suite struct NeighbourItemsTests {
    /// Items 0 and 1 share vector 0; item 2 has vector 1. Each list names its own items too.
    static func lists(keep: Int) -> NeighbourLists {
        NeighbourLists(
            orders: [[(0, 1.0), (1, 1.0), (2, 0.5), (3, 0.2)], [(2, 1.0), (0, 0.5), (1, 0.5), (3, 0.1)], [(3, 1.0)]],
            distinctOf: [0, 0, 1, 2], keep: keep)
    }

    static func items(_ near: NeighbourItems, _ i: Int) -> [Int] {
        var out: [Int] = []
        near.forEach(i) { out.append($0) }
        return out
    }

    @Test func itemsSkipThemselvesAndStopAtKeep() {
        let near = NeighbourItems(Self.lists(keep: 2))
        #expect(Self.items(near, 0) == [1, 2])
        #expect(Self.items(near, 1) == [0, 2])
        #expect(Self.items(near, 2) == [0, 1])
        #expect(Self.items(near, 3) == [])
    }

    @Test func theSameNeighboursAsTheGraphsLists() {
        for keep in 1...4 {
            let lists = Self.lists(keep: keep)
            let near = NeighbourItems(lists)
            for i in 0..<4 {
                var expected: [Int] = []
                lists.forEach(i) { j, _ in expected.append(j) }
                #expect(Self.items(near, i) == expected, "keep \(keep), item \(i)")
            }
        }
    }
}
