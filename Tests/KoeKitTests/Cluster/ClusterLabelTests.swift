import Testing
@testable import KoeKit

/// How a cluster is named when its members share no "word + problem" phrase. Texts written for
/// this test (an online shop's export files and its support line).
@Suite struct ClusterLabelTests {
    /// Labels `members` in a model fitted on `members + others`, as the clusterer does.
    static func label(_ members: [String], others: [String]) throws -> String {
        let classifier = try BuiltInLexicon.classifier()
        func item(_ key: String, _ text: String) throws -> ClusterItem {
            ClusterItem(key: key, features: try classifier.issueFeatures(of: try classifier.classify(text), text: text), text: text)
        }
        let inside = try members.enumerated().map { try item("m\($0.offset)", $0.element) }
        let outside = try others.enumerated().map { try item("o\($0.offset)", $0.element) }
        let model = FeatureModel((inside + outside).map(\.features))
        let vectors = inside.map { model.vector($0.features) }
        let labeler = ClusterLabeler(model: model, quoteCount: 2)
        return labeler.cluster(id: "c1", members: inside, vectors: vectors, centre: SparseVector.mean(vectors)).label
    }

    @Test func aSharedProblemWithoutACommonWordIsStillAPhrase() throws {
        let label = try Self.label([
            "注文データを出力したら文字化けしていました。",
            "昨日から、エクスポートすると中身が文字化けします。",
            "ダウンロードしたファイルがまた文字化けしている。",
        ], others: ["配送が遅いです。", "返品の方法を教えてください。"])
        #expect(label.contains("文字化け"), "\(label)")
        #expect(!label.contains("・"), "\(label)")
    }

    @Test func aProblemFoundAllOverIsNoLabel() throws {
        // 困る is in every text: it says nothing about this cluster.
        let label = try Self.label([
            "倉庫の在庫数が合わなくて困っています。",
            "在庫の数がずれていて困っています。",
        ], others: [
            "配送が遅くて困っています。", "ログインできずに困っています。", "請求額が違って困っています。",
        ])
        #expect(!label.hasPrefix("困"), "\(label)")
        #expect(!label.contains("困っています"), "\(label)")
    }
}
