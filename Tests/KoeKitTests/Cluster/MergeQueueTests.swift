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
}
