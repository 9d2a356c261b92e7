import Foundation
import Testing
@testable import KoeKit

/// Where a lexicon word may start: not as the second half of a compound verb (引き|こまれ is
/// 引き込む, not 困る), and not inside a word the tokenizer keeps whole (アンインストール).
@Suite struct MatchBoundaryTests {
    @Test(arguments: [
        ("話に引きこまれました", false),
        ("本当にこまりました", true),
        ("対応にはこまりました", true),
        ("少しこまった", true),
    ])
    func kanaVerbAfterAVerbStem(text: String, matches: Bool) throws {
        let (lexicon, diagnostics) = try PatternLanguageTests.lexicon(entries: "こまる\tslow_response\t1\tv5\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try PatternLanguageTests.signals(text, lexicon) == (matches ? ["slow_response"] : []), "\(text)")
    }

    /// ICU glues a particle to the kana word after it (に|わか|り|やすい): the word still starts
    /// after the particle.
    @Test(arguments: ["圧倒的にわかりやすい", "画面もわかりやすい"])
    func aKanaWordAfterAGluedParticle(text: String) throws {
        let (lexicon, _) = try PatternLanguageTests.lexicon(entries: "わかりやすい\tslow_response\t1\tadj-i\n")
        #expect(try PatternLanguageTests.signals(text, lexicon) == ["slow_response"], "\(text)")
    }

    @Test func wordsKeptWholeHideTheirInside() throws {
        let (lexicon, _) = try TemporaryLexicon.load([[
            "signals.tsv": "slow_response\tdissatisfaction\t遅い\n",
            "e.tsv": "インストール\tslow_response\t1\tvs\n",
            "words.tsv": "アンインストール\tアプリ\n",
        ]])
        #expect(try PatternLanguageTests.signals("アンインストールしました", lexicon).isEmpty)
        #expect(try PatternLanguageTests.signals("インストールしました", lexicon) == ["slow_response"])
    }
}
