import Foundation
import Testing
@testable import KoeKit

@Suite struct TokenizerTests {
    let analyzer: TextAnalyzer

    init() throws { analyzer = try TextAnalyzer() }

    @Test func splitsConjugationsAsICUDoes() throws {
        try analyzer.analyze("ログインできません。")
        #expect(analyzer.tokenViews().map(\.text) == ["ログイン", "でき", "ま", "せん", "。"])
    }

    /// ICU's dictionary keeps 三日 and 何回 whole while it splits 3|日: the numerals become a
    /// number of their own, so `<num>日` meets 日 on a boundary; words that only start with a
    /// numeral (一緒, 十字) stay whole.
    @Test func kanjiNumeralsSplitFromTheirCounter() throws {
        try analyzer.analyze("三日たっても何回も")
        let views = analyzer.tokenViews()
        #expect(views.prefix(2).map(\.text) == ["三", "日"])
        #expect(views.first?.kind == .number)
        #expect(views.map(\.text).contains("何") && views.map(\.text).contains("回"))
        try analyzer.analyze("一緒に十字路で")
        #expect(analyzer.tokenViews().map(\.text).contains("一緒"))
    }

    /// The split reaches the matcher: a line whose number and counter are separate parts
    /// (`<num>…{1}(日|週間)…`) matches 三日 as it matches 3日.
    @Test func aNumberPatternMatchesAKanjiNumeralAndItsCounter() throws {
        let (lexicon, _) = try TemporaryLexicon.load([
            ["signals.tsv": "slow_response\tdissatisfaction\t遅い\n", "entries.tsv": "<num>…{1}(日|週間|か月)(たって|経って)も\tslow_response\t1\tprefix\n"]
        ])
        let classifier = try Classifier(lexicon: try CompiledLexicon(lexicon))
        #expect(try classifier.classify("3日たっても").hasSignal("slow_response"))
        #expect(try classifier.classify("三日たっても").hasSignal("slow_response"))
        #expect(try classifier.classify("数日経っても").hasSignal("slow_response"))
    }

    @Test func reportsOffsetsInUnicodeScalarsOfTheOriginal() throws {
        try analyzer.analyze("😀ＡＢＣです")
        let views = analyzer.tokenViews()
        #expect(views.map(\.text) == ["😀", "ＡＢＣ", "です"])
        #expect(views.map(\.norm) == ["😀", "abc", "です"])
        #expect(views.map(\.start) == [0, 1, 4])
        #expect(views.map(\.end) == [1, 4, 6])
        #expect(views.map(\.kind) == [.symbol, .letter, .kana])
    }

    @Test func tokensConcatenateBackToTheNormalisedTextWithIncreasingOffsets() throws {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<400 {
            let text = rng.mixedJapanese(length: Int.random(in: 0...40, using: &rng))
            try analyzer.analyze(text)
            let views = analyzer.tokenViews()
            #expect(views.map(\.norm).joined() == analyzer.normalizedText, "\(text.debugDescription)")
            #expect(analyzer.normalizedText == (try Normalizer.normalize(text)))
            for (a, b) in zip(analyzer.tokens, analyzer.tokens.dropFirst()) {
                #expect(a.start < a.end && a.end == b.start, "\(text.debugDescription)")
            }
            // Original offsets never go back; they stand still only when one original character
            // expands into several tokens (㈱ → ( 株 )), which then share its span.
            for (a, b) in zip(views, views.dropFirst()) {
                #expect(a.start <= b.start && a.end <= b.end, "\(text.debugDescription)")
                #expect(a.start < b.start || a.text == b.text, "\(text.debugDescription)")
            }
            let scalars = Array(text.unicodeScalars)
            for v in views where v.start < v.end {
                #expect(String(String.UnicodeScalarView(scalars[v.start..<v.end])) == v.text)
            }
        }
    }

    @Test func userWordsStayWhole() throws {
        let words = try UserWordList(words: ["二段階認証", "チェックアウト", "ＣＳＶエクスポート"])
        let withWords = try TextAnalyzer(userWords: words)
        try withWords.analyze("ﾁｪｯｸｱｳﾄ時に二段階認証とcsvエクスポートが失敗")
        let texts = withWords.tokenViews().map(\.text)
        #expect(texts.contains("ﾁｪｯｸｱｳﾄ"))
        #expect(texts.contains("二段階認証"))
        #expect(texts.contains("csvエクスポート"))
        try analyzer.analyze("二段階認証")
        #expect(analyzer.tokenViews().count > 1, "without the word list ICU splits it (else this test proves nothing)")
    }

    @Test func goldenTokenisationOfRealLookingFeedback() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let input = try String(contentsOf: fixtures.appendingPathComponent("feedback.txt"), encoding: .utf8)
        let words = try UserWordList(words: ["二段階認証", "チェックアウト", "csvエクスポート", "請求書"])
        let withWords = try TextAnalyzer(userWords: words)
        var lines: [String] = []
        for line in input.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            try withWords.analyze(String(line))
            lines.append(withWords.tokenViews().map(\.description).joined(separator: "\n"))
        }
        try Golden.assert(lines.joined(separator: "\n---\n") + "\n", matches: "feedback.tokens.golden")
    }
}
