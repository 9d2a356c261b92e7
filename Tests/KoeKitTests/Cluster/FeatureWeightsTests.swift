import Testing
@testable import KoeKit

/// Issue-feature weights as ordered pairs (`FeatureWeights`) must give every consumer what the
/// `[String: Double]` they replaced gave: the same sums, the same model ids, the same sets.
@Suite struct FeatureWeightsTests {
    /// Names and weights in the order a text's features are found, names repeated.
    static let added: [(String, Double)] = [
        ("w:請求書", 0.1), ("p:kind:crash", 0.6), ("w:請求書", 0.2), ("a:アプリ>kind:crash", 1.5),
        ("w:請求書", 0.3), ("p:kind:crash", 0.18), ("signal:churn_risk", 0.3), ("w:アプリ", 0.5),
    ]

    @Test func sumsAsADictionaryDidInTheOrderAdded() {
        var sum = FeatureWeightSum()
        var dictionary: [String: Double] = [:]
        for (name, weight) in Self.added {
            sum.add(name, weight)
            dictionary[name, default: 0] += weight
        }
        let weights = sum.result
        #expect(weights.names == ["w:請求書", "p:kind:crash", "a:アプリ>kind:crash", "signal:churn_risk", "w:アプリ"])
        // Exactly equal: (0.1 + 0.2) + 0.3 is not 0.1 + (0.2 + 0.3).
        for (name, value) in weights.pairs { #expect(value == dictionary[name], "\(name)") }
        #expect(weights.dictionary == dictionary)
        #expect(weights["w:請求書"] == dictionary["w:請求書"])
        #expect(weights["w:無い"] == nil)
    }

    @Test func equalityIgnoresOrder() {
        let a = FeatureWeights(["w:a": 1, "w:b": 2])
        var sum = FeatureWeightSum()
        sum.add("w:b", 2)
        sum.add("w:a", 1)
        #expect(sum.result == a)
        #expect(FeatureWeights(["w:a": 1, "w:b": 2.5]) != a)
        #expect(FeatureWeights(["w:a": 1]) != a)
    }

    /// The model numbers features as it did with string keys: item by item, each item's new
    /// features in string order (the ids fix the order of every floating-point sum).
    @Test func modelIDsAreThoseOfStringKeys() {
        let items = [
            IssueFeatures(weights: ["w:請求書": 1, "w:アプリ": 1, "p:kind:crash": 0.6]),
            IssueFeatures(weights: FeatureWeights(distinctNames: ["w:ログイン", "w:アプリ", "code:e-402"], values: [1, 1, 2])),
            IssueFeatures(weights: ["w:ログイン": 0.5, "signal:churn_risk": 0.3]),
        ]
        var expected: [String] = []
        var frequency: [String: Int] = [:]
        for item in items {
            for name in item.weights.dictionary.keys.sorted() where !expected.contains(name) { expected.append(name) }
            for name in item.weights.names { frequency[name, default: 0] += 1 }
        }
        let model = FeatureModel(items)
        #expect(model.vocabulary == expected)
        #expect(model.documentFrequency == expected.map { frequency[$0]! })
        for (k, name) in expected.enumerated() { #expect(model.id(of: name) == Int32(k)) }
    }

    /// Weights summed on a worker carry their names' hashes, so the collector does not hash
    /// them again; a set interned with them is the set interned without.
    @Test func summedWeightsCarryTheHashesOfTheirNames() {
        var sum = FeatureWeightSum()
        for (name, weight) in Self.added { sum.add(name, weight) }
        let summed = sum.result
        #expect(summed.hashes == summed.names.map(NameTable.hash))
        var sets = FeatureSets()
        let plain = FeatureWeights(distinctNames: Array(summed.names.reversed()), values: Array(summed.values.reversed()))
        let a = sets.id(plain), b = sets.id(summed)
        #expect(a == b && sets.count == 1)
        let other = FeatureWeights(distinctNames: ["w:アプリ", "w:請求書"], values: [0.5, 0.6])
        #expect(sets.id(other) != a && sets.weights(of: b) == summed)
    }

    @Test func setsStoreEqualFeaturesOnceWhateverTheirOrder() {
        var sets = FeatureSets()
        let a = sets.id(FeatureWeights(distinctNames: ["w:請求書", "p:kind:crash"], values: [1, 0.6]))
        let b = sets.id(FeatureWeights(distinctNames: ["p:kind:crash", "w:請求書"], values: [0.6, 1]))
        let c = sets.id(FeatureWeights(distinctNames: ["p:kind:crash", "w:請求書"], values: [0.6, 0.5]))
        #expect(a == b)
        #expect(a != c)
        #expect(sets.weights(of: a) == FeatureWeights(["w:請求書": 1, "p:kind:crash": 0.6]))
        #expect(sets.weights(of: c)["w:請求書"] == 0.5)
    }
}
