import Testing
@testable import KoeKit

/// A content word that ends on the negator of a pseudo-negation (a polite request or question:
/// いただけないでしょうか) states no negated fact, on the mini lexicon.
@Suite struct PseudoNegationEndingTests {
    let classifier: Classifier

    init() throws { classifier = try MiniLexicon.classifier() }

    @Test func aPoliteRequestIsNoNegatedFact() throws {
        // 書類をお送りいただけない (neg) ends inside いただけないでしょうか: it yields, and the
        // shorter request お送りいただけ matches instead.
        let r = try classifier.classify("書類をお送りいただけないでしょうか")
        #expect(r.stance == .neutral)
        #expect(r.hasSignal("question_asked"))
        #expect(r.score == 0)
    }

    @Test func theSameWordsWithoutTheRequestEndingStayAComplaint() throws {
        let r = try classifier.classify("書類をお送りいただけない。")
        #expect(r.stance == .dissatisfaction)
    }

    @Test func oneKanaAfterTheNegatorIsNoRequestEnding() throws {
        // 返事が来ない|し: the pseudo-negation ないし (or) runs one kana past the word, which is
        // as often a negation and a particle: the complaint stands.
        let r = try classifier.classify("返事が来ないし")
        #expect(r.stance == .dissatisfaction)
    }
}
