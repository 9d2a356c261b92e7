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

    /// Part hits of gapped patterns, sorted for chaining by entry, part, start and end: the
    /// packed keys give the comparator's order, inside the limits (entry < 2^20, part < 2^8,
    /// start < 2^24, length < 2^12) and beyond them; short and long lines, repeated hits.
    @Test(arguments: [(Int32(300), Int16(3), Int32(40)), (Int32(1 << 24 - 1), Int16(255), Int32(1 << 20 - 1)), (Int32(1 << 26), Int16(300), Int32(1 << 21))])
    func partHitsSortByEntryPartAndSpan(maxStart: Int32, maxPart: Int16, maxEntry: Int32) {
        var random = SeededGenerator(seed: UInt64(maxStart) + 7)
        var scratch: [UInt64] = []
        for _ in 0..<200 {
            var parts = Self.randomHits(&random, count: Int.random(in: 0...60, using: &random), maxStart: maxStart, maxEntry: maxEntry)
                .map { PartHit(hit: $0, part: Int16.random(in: 0...maxPart, using: &random)) }
            if let first = parts.first, Bool.random(using: &random) { parts += [first, first] }
            if Int.random(in: 0..<8, using: &random) == 0, !parts.isEmpty {
                // A part longer than the packing holds.
                parts[0].hit.end = parts[0].hit.start + 5000
            }
            var sorted = parts
            sorted.sortByEntryAndPart(scratch: &scratch)
            let want = parts.sorted { ($0.hit.entry, $0.part, $0.hit.start, $0.hit.end) < ($1.hit.entry, $1.part, $1.hit.start, $1.hit.end) }
            #expect(sorted.map(\.hit) == want.map(\.hit) && sorted.map(\.part) == want.map(\.part))
        }
    }
}
