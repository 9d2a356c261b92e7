import Testing
@testable import KoeKit

/// Aspect lines restricted to a judgement class (`aspect:SIGNAL@CLASS`, `JudgementClass.swift`)
/// on a small synthetic lexicon: only a polarity word the class spells judges the thing, and it
/// must still survive every rule (negation, questions, hearsay, the clause).
@Suite struct JudgementClassTests {
    static let signals = """
        slow_reply\tdissatisfaction\t返信の遅さ
        quick_reply\tsuccess\t返信の速さ
        asked\taction\t質問
        """

    static let entries = """
        遅い\tneg\t1\tadj-i
        早い\tpos\t1\tadj-i
        雑\tneg\t1\tadj-na
        丁寧\tpos\t1\tadj-na
        """

    static let aspects = """
        @reply(が|は|も)\taspect:slow_reply@slow\t1\t-
        @reply(が|は|も)\taspect:quick_reply@fast\t1\t-
        """

    static let classes = "@reply\t返信|回答\n@slow\t遅い|のろい\n@fast\t早い\n"

    static let rules = """
        けど\trule:contrast\t1\t-
        ですか\trule:question\t1\t-
        って聞いた\trule:hearsay\t1\t-
        ない\trule:negator\t1\t-
        """

    static func load(aspects: String = aspects, classes: String = classes) throws -> (Lexicon, [Diagnostic]) {
        try TemporaryLexicon.load([[
            "signals.tsv": signals + "\n", "entries.tsv": entries + "\n", "aspects.tsv": aspects + "\n",
            "classes/words.tsv": classes, "rules.tsv": rules + "\n",
        ]])
    }

    static func ids(_ text: String) throws -> [String] {
        let (lexicon, diagnostics) = try load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return try Classifier(lexicon: CompiledLexicon(lexicon)).classify(text).signals.map(\.id)
    }

    @Test func aJudgementOfTheClassGivesTheSignal() throws {
        let (lexicon, _) = try Self.load()
        let result = try Classifier(lexicon: CompiledLexicon(lexicon)).classify("返信が遅い")
        #expect(result.signals.map(\.id) == ["slow_reply"])
        #expect(result.signals[0].evidence.map(\.text) == ["返信が"])
        #expect(result.signals[0].evidence[0].rules == ["aspect(遅い)"])
        #expect(try Self.ids("回答は早い") == ["quick_reply"])
    }

    /// 雑 is as negative as 遅い but no slowness; 丁寧 is praise but no speed.
    @Test func aJudgementOfAnotherClassGivesNone() throws {
        #expect(try Self.ids("返信が雑").isEmpty)
        #expect(try Self.ids("返信が丁寧").isEmpty)
        // The class word is found past another judgement of the clause.
        #expect(try Self.ids("返信が雑で遅い") == ["slow_reply"])
    }

    /// 遅くない is 遅い negated: no slow reply, and no quick one either (@fast does not spell 遅い).
    @Test func aNegatedJudgementGivesNone() throws {
        #expect(try Self.ids("返信が遅くない").isEmpty)
        #expect(try Self.ids("返信が早くない").isEmpty)
    }

    @Test func aNeutralisedJudgementGivesNone() throws {
        #expect(try Self.ids("返信が遅いですか").isEmpty)  // a question
        #expect(try Self.ids("返信が遅いって聞いた").isEmpty)  // hearsay
    }

    @Test func aJudgementInAnotherClauseGivesNone() throws {
        #expect(try Self.ids("返信は来たけど遅い").isEmpty)
    }

    /// The lexicon cache keeps which polarity entries judge a restricted aspect.
    @Test func theCacheKeepsTheJudgements() throws {
        let (lexicon, _) = try Self.load()
        let compiled = try CompiledLexicon(lexicon)
        #expect(compiled.aspectJudgements.count == 2 && compiled.aspectJudgements.values.allSatisfy { $0.count == 1 })
        var out = CacheWriter()
        compiled.write(to: &out)
        let stored = try out.bytes.withUnsafeBytes { bytes in
            var reader = CacheReader(bytes)
            return try CompiledLexicon.read(from: &reader)
        }
        #expect(stored.aspectJudgements == compiled.aspectJudgements)
        #expect(stored.problemPhrases == compiled.problemPhrases)
    }

    @Test func theBuilderChecksTheClass() throws {
        let (_, unknown) = try Self.load(aspects: "@reply(が|は)\taspect:slow_reply@slowness\t1\t-")
        #expect(unknown.contains { $0.severity == .error && $0.message.contains("unknown word class '@slowness'") })
        let (_, action) = try Self.load(aspects: "@reply(が|は)\taspect:asked@slow\t1\t-")
        #expect(action.contains { $0.severity == .error && $0.message.contains("action signal") })
        // のろい is in @slow but no polarity line spells it: it judges nothing, and check says so.
        let (_, all) = try Self.load()
        #expect(all.contains { $0.severity == .warning && $0.message.contains("@slow: no polarity line spells のろい") })
        #expect(!all.contains { $0.message.contains("@fast:") })
    }
}
