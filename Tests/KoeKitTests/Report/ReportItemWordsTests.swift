import Testing
@testable import KoeKit

/// `koe report` builds full issue features only for the items it groups (dissatisfied ones and
/// feature requests); every other item gets only the words its week's terms are counted
/// from, and those must be exactly the words full features give.
@Suite struct ReportItemWordsTests {
    static let texts: [String] = BuiltInLexicon.loaded.lexicon.examples.map(\.text) + [
        "アプリのバージョン5.2.0でエラーコードe1001が表示されました。サポートの方の対応は丁寧でした。",
        "件名：同期について\n三日前から同期ボタンを押しても反応がありません",
        "ダッシュボードの表示速度が改善されて、チーム全員が助かっています！",
    ]

    @Test func wordsOnlyAreTheWordsOfFullFeatures() throws {
        let classifier = try Classifier(lexicon: BuiltInLexicon.compiled)
        var withCodes = 0
        for text in Self.texts {
            let full = try classifier.issueFeatures(of: classifier.classify(text), text: text)
            let words = try classifier.issueFeatures(of: classifier.classify(text), text: text, wordsOnly: true)
            #expect(words.words == full.words, "\(text)")
            #expect(words.weights.isEmpty && words.phrases.isEmpty, "\(text)")
            if full.words.contains("e1001") { withCodes += 1 }
        }
        #expect(withCodes == 1)
    }

    static func record(_ text: String) -> Record {
        var record = Record(number: 1, source: "t.csv", line: 2, id: "r1", text: text)
        record.createdAt = "2026-11-18 10:00:00"
        return record
    }

    /// Grouped: dissatisfied, or a feature request; the rest only has words.
    @Test func onlyItemsTheReportGroupsGetWeightsAndPhrases() throws {
        let classifier = try Classifier(lexicon: BuiltInLexicon.compiled)
        let grouping = ReportBuilder(options: ReportOptions(), lexicon: BuiltInLexicon.compiled).groupingSignals
        #expect(!grouping.isEmpty)
        let cases: [(text: String, grouped: Bool)] = [
            ("ログインしようとするとアプリが落ちて困っています。", true),
            ("CSVの出力で列の順番を選べる機能を追加してほしいです。", true),
            ("担当の方が丁寧に説明してくださり、すぐに設定できました。ありがとうございます。", false),
        ]
        for (text, grouped) in cases {
            let item = try #require(classifier.reportItem(for: Self.record(text), grouping: grouping).item)
            let full = try #require(classifier.reportItem(for: Self.record(text)).item)
            #expect((item.isDissatisfied || item.signals.contains { grouping.contains($0.id) }) == grouped, "\(text)")
            #expect(item.features.words == full.features.words && !item.features.words.isEmpty, "\(text)")
            if grouped {
                #expect(item.features == full.features && !item.features.weights.isEmpty, "\(text)")
            } else {
                #expect(item.features.weights.isEmpty && item.features.phrases.isEmpty, "\(text)")
            }
        }
    }
}
