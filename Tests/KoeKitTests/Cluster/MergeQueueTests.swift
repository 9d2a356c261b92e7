import Testing
@testable import KoeKit

/// Agglomeration drops stale queue entries now and then (`MergeQueue.compact`); what is left
/// must pop in the order it would have popped anyway.
@Suite struct MergeQueueTests {
    @Test func compactingKeepsThePopOrderOfWhatIsLeft() {
        var queue = MergeQueue()
        var all: [MergeQueue.Candidate] = []
        for i in 0..<500 {
            // Few distinct scores, so ties break on the item indices.
            let c = MergeQueue.Candidate(score: Double((i * 37) % 11) / 10, a: (i * 13) % 50, b: 50 + (i * 7) % 40)
            all.append(c)
            queue.push(c)
        }
        let live = { (c: MergeQueue.Candidate) in (c.a + c.b) % 3 != 0 }
        queue.compact(keeping: live)
        #expect(queue.count == all.filter(live).count)
        var popped: [MergeQueue.Candidate] = []
        while let c = queue.pop() { popped.append(c) }
        let expected = all.filter(live).sorted { $0.before($1) }
        #expect(popped.map { [$0.score, Double($0.a), Double($0.b)] } == expected.map { [$0.score, Double($0.a), Double($0.b)] })
    }

    /// A queue built at once from its first entries (heapified) pops as one built entry by entry.
    @Test func aQueueBuiltAtOncePopsAsOneBuiltByPushes() {
        var pushed = MergeQueue()
        var all: [MergeQueue.Candidate] = []
        for i in 0..<700 {
            let c = MergeQueue.Candidate(score: Double((i * 53) % 17) / 16, a: (i * 29) % 90, b: 90 + (i * 11) % 70)
            all.append(c)
            pushed.push(c)
        }
        var built = MergeQueue(all)
        // Both go on with the same pushes between pops.
        var order: [[Double]] = [], expected: [[Double]] = []
        var k = 0
        while let c = built.pop(), let d = pushed.pop() {
            order.append([c.score, Double(c.a), Double(c.b)])
            expected.append([d.score, Double(d.a), Double(d.b)])
            if k < 100 {
                let extra = MergeQueue.Candidate(score: Double(k % 7) / 6, a: k, b: 500 + k)
                built.push(extra)
                pushed.push(extra)
                k += 1
            }
        }
        #expect(order.count == 800)
        #expect(order == expected)
    }

    /// Pushes and pops mixed: every pop is the first of what is queued, in `before` order
    /// (checked against a sorted list, across sizes that fill the heap's levels unevenly).
    @Test func everyPopIsTheFirstOfWhatIsQueued() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 4, 5, 6, 17, 21, 85, 86, 341, 1000] {
            var queue = MergeQueue()
            var reference: [MergeQueue.Candidate] = []
            for i in 0..<size * 3 {
                if i % 3 != 2 || reference.isEmpty {
                    let c = MergeQueue.Candidate(
                        score: Double(Int.random(in: 0..<9, using: &generator)) / 8, a: Int.random(in: 0..<40, using: &generator),
                        b: 40 + Int.random(in: 0..<40, using: &generator))
                    queue.push(c)
                    reference.append(c)
                } else {
                    reference.sort { $0.before($1) }
                    let expected = reference.removeFirst()
                    let c = queue.pop()
                    #expect(c.map { [$0.score, Double($0.a), Double($0.b)] } == [expected.score, Double(expected.a), Double(expected.b)], "size \(size)")
                }
            }
            var built = MergeQueue(reference)
            reference.sort { $0.before($1) }
            for expected in reference {
                let c = built.pop()
                #expect(c.map { [$0.score, Double($0.a), Double($0.b)] } == [expected.score, Double(expected.a), Double(expected.b)], "size \(size)")
            }
            #expect(built.isEmpty)
        }
    }

    /// A link keeps its similarity sum in 12 bytes, bit for bit.
    @Test func aLinkKeepsItsSumExactly() {
        #expect(MemoryLayout<LinkRows.Link>.stride == 12)
        for sum in [0.1 + 0.2, 1.0 / 3, -0.0, 5e-324, 0.030000000000000002, 123456.789e10, .pi] {
            var link = LinkRows.Link(other: 7, sum: 0)
            link.sum = sum
            #expect(link.sum.bitPattern == sum.bitPattern && link.other == 7, "\(sum)")
            #expect(LinkRows.Link(other: -1, sum: sum).sum.bitPattern == sum.bitPattern, "\(sum)")
        }
    }
}
