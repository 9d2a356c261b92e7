import Testing
@testable import KoeKit

/// Aspect lines (`aspect:SIGNAL`, `Scorer+Aspects.swift`) on a small synthetic lexicon: a thing
/// judged plus a judgement whose final sign is the signal's family makes the signal; a
/// judgement the rules neutralised, or one in another clause, makes none.
@Suite struct AspectTests {
    static let signals = """
        price_gripe\tdissatisfaction\t価格への不満
        staff_praise\tsuccess\t担当者への称賛
        asked\taction\t質問
        """

    static let entries = """
        高い\tneg\t0.5\tadj-i
        安い\tpos\t0.5\tadj-i
        親切\tpos\t1\tadj-na
        遅い\tneg\t1\tadj-i
        割高\tneg\t1\tadj-na
        割高\tprice_gripe\t1\tadj-na
        """

    static let aspects = """
        @price\taspect:price_gripe\t1\t-
        担当者[さん]\taspect:staff_praise\t1\t-
        """

    static let classes = "@price\t料金|手数料\n"

    static let rules = """
        けど\trule:contrast\t1\t-
        ですか\trule:question\t1\t-
        って聞いた\trule:hearsay\t1\t-
        れば\trule:conditional\t1\t-
        たら\trule:conditional\t1\t-
        ない\trule:negator\t1\t-
        。\trule:clause_end\t1\t-
        """

    static func classifier(aspects: String = aspects) throws -> Classifier {
        let (lexicon, diagnostics) = try TemporaryLexicon.load([[
            "signals.tsv": signals + "\n", "entries.tsv": entries + "\n", "aspects.tsv": aspects + "\n",
            "classes/things.tsv": classes, "rules.tsv": rules + "\n",
        ]])
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        return try Classifier(lexicon: CompiledLexicon(lexicon))
    }

    static func ids(_ text: String) throws -> [String] {
        try classifier().classify(text).signals.map(\.id)
    }

    @Test func negativeJudgementOfTheThing() throws {
        let result = try Self.classifier().classify("手数料が高い")
        #expect(result.signals.map(\.id) == ["price_gripe"])
        // The aspect adds no weight: the score is the judgement's alone.
        #expect(result.score == -0.5)
        #expect(result.signals[0].evidence.map(\.text) == ["手数料"])
        #expect(result.signals[0].evidence[0].rules == ["aspect(高い)"])
    }

    @Test func negatedPraiseIsANegativeJudgement() throws {
        #expect(try Self.ids("料金は安くない") == ["price_gripe"])
        // Praise of the thing is no complaint about it.
        #expect(try Self.ids("料金は安い").isEmpty)
    }

    @Test func successAspectWantsPraise() throws {
        #expect(try Self.ids("担当者さんが親切") == ["staff_praise"])
        #expect(try Self.ids("担当者さんが遅い").isEmpty)
    }

    @Test func neutralisedJudgementsTriggerNothing() throws {
        #expect(try Self.ids("料金が高いって聞いた").isEmpty)  // hearsay
        #expect(try Self.ids("料金は高いですか").isEmpty)  // a question
        #expect(try Self.ids("料金が高ければ").isEmpty)  // the if-clause
        #expect(try Self.ids("解約したら料金が高い").isEmpty)  // a consequence supposed
    }

    /// The thing is what the predicate after it is about: a judgement before it judges something else.
    @Test func judgementBeforeTheThingTriggersNothing() throws {
        #expect(try Self.ids("高い、料金").isEmpty)
        #expect(try Self.ids("料金、高い") == ["price_gripe"])
    }

    @Test func judgementInAnotherClauseTriggersNothing() throws {
        #expect(try Self.ids("料金を払ったけど、高い").isEmpty)
        #expect(try Self.ids("料金を払った。高い").isEmpty)
    }

    /// 割高 is both a judgement and a line of the signal: the signal comes once, from the line.
    @Test func explicitLineOnTheSpanWins() throws {
        let result = try Self.classifier().classify("料金が割高")
        #expect(result.signals.map(\.id) == ["price_gripe"])
        #expect(result.signals[0].evidence.map(\.text) == ["割高"])
        #expect(result.signals[0].evidence[0].rules.isEmpty)
    }

    /// Two names of one thing judged once give the signal one piece of evidence.
    @Test func oneJudgementCountsOncePerClause() throws {
        let result = try Self.classifier().classify("料金と手数料が高い")
        #expect(result.signals.map(\.id) == ["price_gripe"])
        #expect(result.signals[0].evidence.map(\.text) == ["料金"])
    }

    /// A polarity line that names a problem (`issue:KIND`) is a trouble, no judgement of the
    /// thing; a verdict (`issue:none`) still judges it.
    @Test func aProblemPhraseIsNoJudgement() throws {
        let (lexicon, diagnostics) = try TemporaryLexicon.load([[
            "signals.tsv": Self.signals + "\n", "aspects.tsv": Self.aspects + "\n", "classes/things.tsv": Self.classes,
            "entries.tsv": "二重に引かれる\tneg,issue:double_charge\t1\tv1\n残念\tneg,issue:none\t1\tadj-na\n",
        ]])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let classifier = try Classifier(lexicon: CompiledLexicon(lexicon))
        #expect(try classifier.classify("料金が二重に引かれた").signals.isEmpty)
        #expect(try classifier.classify("料金が残念").signals.map(\.id) == ["price_gripe"])
    }

    @Test func anActionSignalCannotBeAnAspect() throws {
        let (_, diagnostics) = try TemporaryLexicon.load([[
            "signals.tsv": Self.signals + "\n", "aspects.tsv": "料金\taspect:asked\t1\t-\n",
        ]])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("action signal") })
        let (_, unknown) = try TemporaryLexicon.load([[
            "signals.tsv": Self.signals + "\n", "aspects.tsv": "料金\taspect:nothing\t1\t-\n",
        ]])
        #expect(unknown.contains { $0.severity == .error && $0.message.contains("unknown signal") })
    }
}
