import Foundation
import Testing
@testable import KoeKit

/// `TextAnalyzer.wordTokens` takes clauses segmented for earlier lines from a memo: its tokens
/// must be exactly those of `completeTokens()`.
@Suite struct WordTokenTests {
    static let sampleTickets = BuiltInLexicon.directory + "/../../corpora/sample/tickets.csv"

    /// Texts of every kind: the sample tickets (subject and body, as the report reads them),
    /// the lexicon's examples, the clause tests' edge cases and random mixes, and a few
    /// written here, some of them differing only around a clause.
    static func texts() throws -> [String] {
        var out = [
            "ログインできません。ずっとです", "ログインできない。ずっとです", "三日まえから使えません", "3日まえから使えない",
            "もう一度ためしてもだめでした!", "アプリが落ちる。再起動しても同じ", "アプリが落ちる!再起動しても同じ",
            "二回目の請求が2件", "ポイントがつかないのはなぜ?", "ポイントが付かないのはなぜ?",
        ]
        out += ClauseSegmentationTests.texts
        let reader = try RecordReader(path: sampleTickets, format: .csv)
        while let record = try reader.next() {
            out.append((record.subject.map { $0 + "\n" } ?? "") + record.text)
        }
        return out
    }

    @Test func tokensAreThoseOfCompleteTokens() throws {
        let classifier = try BuiltInLexicon.classifier()
        let analyzer = classifier.analyzer
        let memo = analyzer.memo
        var tokens: [Token] = []
        // Twice: the second time every clause is in the memo.
        let texts = try Self.texts()
        for text in texts + texts {
            _ = try classifier.classify(text)
            try analyzer.wordTokens(into: &tokens)
            try analyzer.completeTokens()
            #expect(tokens == analyzer.tokens, "\(text.debugDescription)")
        }
        #expect(memo.hits > 0)
    }

    /// A full memo is emptied before the next line, and lines go on segmenting alike.
    @Test func aFullMemoIsEmptied() throws {
        let classifier = try BuiltInLexicon.classifier()
        let analyzer = classifier.analyzer
        let memo = analyzer.memo
        var tokens: [Token] = []
        var random = SeededGenerator(seed: 5)
        var filled = false
        for _ in 0..<(SegmentationMemo.maxEntries / 4) {
            let text = (0..<8).map { _ in random.mixedJapanese(length: 12) }.joined(separator: "。")
            _ = try classifier.classify(text)
            let before = memo.count
            try analyzer.wordTokens(into: &tokens)
            if memo.count < before { filled = true }
            #expect(memo.count <= SegmentationMemo.maxEntries * 3 / 2)
            try analyzer.completeTokens()
            #expect(tokens == analyzer.tokens, "\(text.debugDescription)")
        }
        #expect(filled)
    }
}
