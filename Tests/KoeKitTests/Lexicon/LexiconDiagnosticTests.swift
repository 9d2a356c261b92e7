import Foundation
import Testing
@testable import KoeKit

/// Invalid lexicon fixtures, each line paired with the message it must produce.
@Suite struct LexiconDiagnosticTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lexicon-invalid/ja").path

    @Test(arguments: [
        ("signals.tsv:3:1: error: invalid signal id 'Bad-Id'", true),
        ("signals.tsv:4:14: error: unknown family 'grumpy'", true),
        ("entries.tsv:2:7: error: unknown signal 'chrun_intent'", true),
        ("entries.tsv:3:8: error: invalid weight 'heavy'", true),
        ("entries.tsv:4:10: error: unknown inflection class 'v9'", true),
        ("entries.tsv:5:1: error: pattern '使いにく' does not fit inflection 'adj-i'", true),
        ("entries.tsv:6:1: error: expected 'pattern<TAB>target", true),
        ("entries.tsv:7:7: error: unknown topic 'nowhere'", true),
        ("entries.tsv:8:4: error: unknown rule role 'shout'", true),
        ("entries.tsv:9:1: error: pattern ' 前後に空白' has surrounding spaces", true),
        ("entries.tsv:11:7: warning: duplicate entry '解約したい' → churn_intent (first at", true),
        ("entries.tsv:13:1: warning: conflicting polarity for '便利'", true),
        ("entries.tsv:14:9: error: example has no expectation", true),
        ("entries.tsv:15:3: error: example has no text", true),
        ("entries.tsv:16:9: error: unknown stance 'angry'", true),
        ("entries.tsv:17:6: warning: backslash in pattern", true),
        ("entries.tsv:18:4: warning: ')?' in pattern '(の)?遅い': '?' is no quantifier here", true),
        ("classes/things.tsv:1:17: warning: ')?' in pattern", true),
    ])
    func reportsProblemCompilerStyle(expected: String, present: Bool) {
        let (_, diagnostics) = Lexicon.load(layers: [Self.root])
        let messages = diagnostics.map { d in
            (d.description.range(of: "/ja/").map { String(d.description[$0.upperBound...]) } ?? d.description)
        }
        #expect(messages.contains { $0.hasPrefix(expected) } == present, "\(messages.joined(separator: "\n"))")
    }

    @Test func validLinesStillLoadAroundBrokenOnes() {
        let (lexicon, _) = Lexicon.load(layers: [Self.root])
        #expect(lexicon.entries.contains { $0.pattern == "解約したい" })
        #expect(lexicon.signals["churn_intent"] != nil)
    }

    @Test func laterLayersOverrideAndWeightZeroDisables() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "最悪\tneg\t0\tadj-na\n神アプデ\tpos\t2\t-\n".write(to: dir.appendingPathComponent("mine.tsv"), atomically: true, encoding: .utf8)
        let (lexicon, diagnostics) = Lexicon.load(layers: [BuiltInLexicon.directory, dir.path])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(!lexicon.entries.contains { $0.pattern == "最悪" && $0.targets == [.polarity(.neg)] })
        let classifier = try Classifier(lexicon: CompiledLexicon(lexicon))
        #expect(try classifier.classify("神アプデ").stance == .success)
    }

    /// A lexicon saved with Windows line endings reads like the same file with LF endings:
    /// same entries, same line numbers in messages (it once read as one comment line).
    @Test func crlfLineEndingsReadLikeLF() {
        let lf = "# comment\n神アプデ\tpos\t2\t-\n#> 神アプデでした => success\n微妙すぎ\tneg\theavy\t-\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = LexiconParser.parse(lf, file: "x.tsv", kind: .entries)
        let b = LexiconParser.parse(crlf, file: "x.tsv", kind: .entries)
        #expect(b.entries.map(\.pattern) == ["神アプデ"])  // line 4 has an invalid weight
        #expect(b.entries.map(\.pattern) == a.entries.map(\.pattern))
        #expect(b.examples.map(\.text) == a.examples.map(\.text))
        #expect(b.diagnostics.map(\.description) == a.diagnostics.map(\.description))
        #expect(b.diagnostics.contains { $0.description.hasPrefix("x.tsv:4:") })
    }
}
