import Testing
@testable import KoeKit

/// The candidate budget of the similarity graph: an item's features propose pairs rarest first,
/// so the feature two items share alone still proposes their pair when common features would
/// spend the budget. Synthetic features, not texts.
@Suite struct CandidateBudgetTests {
    /// X1 and X2 share one rare feature; each also shares a hub feature with 30 items of its
    /// own crowd. Neither crowd holds the other X, so only the rare feature can pair them.
    static func items() -> [ClusterItem] {
        var out = [
            ClusterItem(key: "x1", features: IssueFeatures(weights: ["p:rare": 4, "w:hubA": 0.5]), text: "x1"),
            ClusterItem(key: "x2", features: IssueFeatures(weights: ["p:rare": 4, "w:hubB": 0.5]), text: "x2"),
        ]
        for crowd in ["A", "B"] {
            out += (0..<30).map { i in
                ClusterItem(key: "\(crowd)\(i)", features: IssueFeatures(weights: ["w:hub\(crowd)": 1, "w:own\(crowd)\(i)": 1]), text: "\(crowd)\(i)")
            }
        }
        return out
    }

    @Test func theRarestSharedFeatureProposesItsPairWithinTheBudget() {
        var clusterer = IssueClusterer()
        clusterer.candidateBudget = 5
        let clusters = clusterer.cluster(Self.items())
        let pair = clusters.first { $0.members.contains("x1") }
        #expect(pair?.members.contains("x2") == true, "\(clusters.map(\.members))")
    }
}
