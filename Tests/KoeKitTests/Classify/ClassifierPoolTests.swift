import Testing
@testable import KoeKit

@Suite struct ClassifierPoolTests {
    @Test(arguments: [64, 65, 100, 1024, 2048, 4097])
    func slicesCoverEveryItemOnceAndShrink(count: Int) {
        let bounds = ClassifierPool.sliceBounds(count: count, workers: 2)
        #expect(bounds.first == 0 && bounds.last == count)
        let sizes = zip(bounds.dropFirst(), bounds).map { $0 - $1 }
        #expect(sizes.allSatisfy { $0 > 0 })
        #expect(zip(sizes.dropFirst(), sizes).allSatisfy { $0 <= $1 }, "\(sizes)")
        #expect(sizes.dropLast().allSatisfy { $0 >= 16 })
        // The first slice is a quarter of the batch, the last ones small.
        #expect(sizes[0] == max(16, count / 4) || sizes.count == 1)
    }

    @Test func resultsComeBackInInputOrder() throws {
        let pool = try ClassifierPool(lexicon: BuiltInLexicon.compiled, jobs: 2)
        let texts = (0..<1500).map { i in i % 3 == 0 ? "解約します\(i)" : i % 3 == 1 ? "助かりました\(i)" : "\(i)" }
        let one = try BuiltInLexicon.classifier()
        let expected = try texts.map { try one.classify($0).stance }
        let got = pool.map(texts) { classifier, text in (try? classifier.classify(text))?.stance }
        #expect(got == expected)
    }
}
