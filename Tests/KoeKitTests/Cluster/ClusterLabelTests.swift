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
            "倉庫の在庫数が合いません。本当に困っています。",
            "倉庫と帳簿の在庫数がずれています。困っています。",
        ], others: [
            "配送が遅くて困っています。", "ログインできずに困っています。", "請求額が違って困っています。",
        ])
        #expect(!label.hasPrefix("困"), "\(label)")
        #expect(!label.contains("困っています"), "\(label)")
    }

    /// A shared phrase of two characters (困っ) names nothing: a clause a member wrote does.
    @Test func aTwoCharacterPhraseIsNoLabel() throws {
        let label = try Self.label([
            "返金の手続きをしたのに、返金がまだ口座に戻りません。困ってます。",
            "先週キャンセルした注文の返金が、まだ口座に戻りません。困ってます。",
            "返金申請から十日たっても返金が口座に戻りません。困ってます。",
        ], others: ["配送が遅いです。", "ログインできません。", "アプリが落ちます。"])
        #expect(label.count >= ClusterLabeler.minimumPhraseLength, "\(label)")
        #expect(label.contains("返金"), "\(label)")
    }

    /// Without a shared problem phrase the label is a clause a member wrote that holds two of
    /// the top words, not the two words joined with ・.
    @Test func withoutASharedPhraseAClauseWithTheTopWordsIsTheLabel() throws {
        let label = try Self.label([
            "先月分の領収書の宛名を会社名に変えてもらえますか。",
            "領収書の宛名を個人名から会社名に変更したいです。",
            "宛名が違う領収書しか出せないのでしょうか。",
        ], others: ["配送が遅いです。", "返品の方法を教えてください。", "パスワードを忘れました。"])
        #expect(!label.contains("・"), "\(label)")
        #expect(label.contains("領収書") && label.contains("宛名"), "\(label)")
    }

    /// A predicate alone (「エラー」) names no issue: the label is the wording of a member that
    /// also wrote what failed, even when more members wrote the predicate alone.
    @Test func aBarePredicateIsNoLabelWhenAMemberNamesWhatFailed() throws {
        let label = try Self.label([
            "在庫数を保存するとエラーになる。",
            "エラー。今朝から。",
            "エラー。またです。",
        ], others: ["配送が遅いです。", "ログインできません。", "返品の方法を教えてください。"])
        #expect(label != "エラー", "\(label)")
        #expect(label.contains("保存"), "\(label)")
    }

    @Test func aTopWordCountsOnlyAsAWholeWord() {
        #expect(!ClusterLabeler.containsWord("契約者の名義を変えたい", "契約"))
        #expect(ClusterLabeler.containsWord("旧料金のまま契約できますか", "契約"))
        #expect(!ClusterLabeler.containsWord("ログインできない", "ログ"))
        #expect(ClusterLabeler.containsWord("監査ログはどこ", "ログ"))  // another script before it
        #expect(ClusterLabeler.containsWord("ログの保存期間", "ログ"))
        #expect(ClusterLabeler.containsWord("slack通知", "slack"))
        #expect(!ClusterLabeler.containsWord("slackbot", "slack"))
    }
}
