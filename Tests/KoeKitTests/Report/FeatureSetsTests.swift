import Testing
@testable import KoeKit

/// `FeatureSets` keeps each weight as a code into a table of distinct values: the weights it
/// gives back must be the exact ones stored, past the 65,535 values the codes hold too, and
/// sets must be found again after the hash table grew.
@Suite struct FeatureSetsTests {
    @Test func manySetsWithManyDistinctWeightsComeBackExactly() {
        var sets = FeatureSets()
        var stored: [(Int32, FeatureWeights)] = []
        // 70,000 sets, each with a weight no other set has: more than the codes hold.
        for k in 0..<70_000 {
            let w = FeatureWeights(
                distinctNames: ["w:請求\(k % 97)", "p:kind:crash", "w:通知\(k)"],
                values: [1 + Double(k) / 70_001, 0.6, 0.3 * Double(k % 5 + 1)])
            stored.append((sets.id(w), w))
        }
        #expect(sets.count == 70_000)
        for (id, w) in stored.prefix(200) + stored.suffix(6_000) {
            #expect(sets.weights(of: id) == w)
            #expect(sets.id(w) == id)
        }
        #expect(sets.count == 70_000)
    }
}
