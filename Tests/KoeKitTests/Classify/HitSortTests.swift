import Testing
@testable import KoeKit

/// The matcher sorts hits through packed integer keys; the order must be exactly the
/// comparator order, inside the packing limits and beyond them (the fallback).
@Suite struct HitSortTests {
    static func randomHits(_ random: inout SeededGenerator, count: Int, maxStart: Int32, maxEntry: Int32) -> [Hit] {
        (0..<count).map { _ in
            let start = Int32.random(in: 0...maxStart, using: &random)
            let length = Int32.random(in: 1...12, using: &random)
            return Hit(start: start, end: start + length, entry: Int32.random(in: 0...maxEntry, using: &random))
        }
    }

    @Test(arguments: [(Int32(200), Int32(50)), (Int32(1 << 28 - 13), Int32(1 << 20 - 1)), (Int32(1 << 30), Int32(1 << 22))])
    func packedOrderIsComparatorOrder(maxStart: Int32, maxEntry: Int32) {
        var random = SeededGenerator(seed: UInt64(maxStart))
        var scratch: [UInt64] = []
        for _ in 0..<200 {
            let hits = Self.randomHits(&random, count: Int.random(in: 0...60, using: &random), maxStart: maxStart, maxEntry: maxEntry)
            var a = hits
            a.sortLongestFirst(scratch: &scratch)
            #expect(a == hits.sorted { ($1.length, $0.start, $0.entry) < ($0.length, $1.start, $1.entry) })
            var b = hits
            b.sortByStart(scratch: &scratch)
            #expect(b == hits.sorted { ($0.start, $0.entry, $0.length) < ($1.start, $1.entry, $1.length) })
        }
    }
}
