import Testing
@testable import KoeKit

/// `spellings.tsv`: every line containing a written form also matches its kana spellings.
@Suite struct SpellingTests {
    static let signals = "slow_response\tdissatisfaction\t遅い\n"
    static let entries = "対応が遅い\tslow_response\t1\tadj-i\n"

    @Test func aKanaSpellingMatchesLikeTheWrittenForm() throws {
        let (with, _) = try TemporaryLexicon.load([[
            "signals.tsv": Self.signals, "e.tsv": Self.entries, "spellings.tsv": "遅\tおそ\n",
        ]])
        #expect(try PatternLanguageTests.signals("対応がおそすぎる", with) == ["slow_response"])
        #expect(try PatternLanguageTests.signals("対応が遅すぎる", with) == ["slow_response"])
        let (without, _) = try TemporaryLexicon.load([["signals.tsv": Self.signals, "e.tsv": Self.entries]])
        #expect(try PatternLanguageTests.signals("対応がおそすぎる", without).isEmpty)
    }

    @Test func aSpellingWithPatternSyntaxIsAnError() throws {
        let (_, diagnostics) = try TemporaryLexicon.load([[
            "signals.tsv": Self.signals, "e.tsv": Self.entries, "spellings.tsv": "遅\t(おそ|オソ)\n",
        ]])
        #expect(diagnostics.contains { $0.severity == .error && $0.file.hasSuffix("spellings.tsv") && $0.line == 1 })
    }
}
