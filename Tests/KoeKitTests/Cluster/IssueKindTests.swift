import Testing
@testable import KoeKit

/// `issue:KIND` on lexicon lines: differently written lines that name one problem count as
/// one phrase when issues are grouped. Uses a small synthetic lexicon, not the shipped one.
@Suite struct IssueKindTests {
    static let signals = "trouble\tdissatisfaction\t不具合\n"
    static let entries = """
        起動する<neg>\ttrouble,issue:wont_start\t1\t
        開く<neg>\ttrouble,issue:wont_start\t1\tv5
        届く<neg>\ttrouble\t1\tv5
        残念\tneg,issue:none\t1\tadj-na
        遅い\tneg\t1\tadj-i
        がっかり\ttrouble,issue:none\t1\t-

        """

    static func features(_ text: String) throws -> IssueFeatures {
        let (lexicon, diagnostics) = try TemporaryLexicon.load([["signals.tsv": signals, "entries.tsv": entries, "stopwords.tsv": "残念\t評価\n"]])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let classifier = try Classifier(lexicon: CompiledLexicon(lexicon))
        return try classifier.issueFeatures(of: try classifier.classify(text), text: text)
    }

    @Test func linesOfOneKindGiveTheSameProblemFeatures() throws {
        let start = try Self.features("アプリが起動しない。")
        let open = try Self.features("アプリが開かない。")
        #expect(start.weights["p:kind:wont_start"] != nil, "\(start.weights.keys.sorted())")
        #expect(start.weights["a:アプリ>kind:wont_start"] != nil, "\(start.weights.keys.sorted())")
        #expect(open.weights["a:アプリ>kind:wont_start"] == start.weights["a:アプリ>kind:wont_start"])
        // Labels still quote the members' own wording.
        #expect(open.phrases.contains { $0.text.hasPrefix("アプリが開かない") }, "\(open.phrases.map(\.text))")
    }

    @Test func aLineWithoutKindStaysItsOwnPhrase() throws {
        let f = try Self.features("荷物が届かない。")
        #expect(!f.weights.keys.contains { $0.contains("kind:") }, "\(f.weights.keys.sorted())")
        #expect(f.weights.keys.contains { $0.hasPrefix("a:荷物>") && $0.hasSuffix("entries.tsv:3") }, "\(f.weights.keys.sorted())")
    }

    @Test func aVerdictMakesNoProblemPhraseButWeighsItsWord() throws {
        let verdict = try Self.features("朝食が残念。")
        #expect(!verdict.weights.keys.contains { $0.hasPrefix("p:") || $0.hasPrefix("a:") }, "\(verdict.weights.keys.sorted())")
        #expect(verdict.phrases.isEmpty, "\(verdict.phrases.map(\.text))")
        // The word it is about weighs as much as the word a problem phrase is about.
        let problem = try Self.features("朝食が遅い。")
        #expect(problem.weights.keys.contains { $0.hasPrefix("a:朝食>") && $0.hasSuffix("entries.tsv:5") }, "\(problem.weights.keys.sorted())")
        #expect(verdict.weights["w:朝食"] == problem.weights["w:朝食"], "\(verdict.weights) \(problem.weights)")
        // Two texts that share only the verdict (a stopword as a word) share no feature.
        let other = try Self.features("部屋が残念。")
        #expect(Set(verdict.weights.keys).isDisjoint(with: other.weights.keys), "\(verdict.weights.keys.sorted()) \(other.weights.keys.sorted())")
    }

    @Test func aTextThatNamesNothingHasNoFeatures() throws {
        // Only a verdict signal: nothing says what the complaint is about, so no issue can hold it.
        let bare = try Self.features("がっかり。")
        #expect(bare.weights.keys.isEmpty, "\(bare.weights.keys.sorted())")
        // With a word it is about, the signal counts beside the word.
        let about = try Self.features("画面ががっかり。")
        #expect(about.weights["signal:trouble"] != nil && about.weights["w:画面"] != nil, "\(about.weights.keys.sorted())")
    }

    @Test func badMarkersAreReportedWithTheirColumn() throws {
        let bad = "落ちる\tissue:crash\t1\tv1\n固まる\tneg,issue:Crash-1\t1\tv5\n止まる\tneg,issue:a,issue:b\t1\tv5\n"
        let (lexicon, diagnostics) = try TemporaryLexicon.load([["signals.tsv": Self.signals, "entries.tsv": bad]])
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("entries.tsv:1:1: error: issue:crash needs a target beside it (pos, neg or a signal id)") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("entries.tsv:2:9: error: invalid issue kind 'Crash-1' (snake_case ASCII, like issue:double_charge)") }, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("entries.tsv:3:17: error: a line names at most one issue kind") }, "\(messages)")
        #expect(lexicon.entries.isEmpty)
        #expect(lexicon.issueKinds.isEmpty)
    }
}
