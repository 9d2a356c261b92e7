import Testing
@testable import KoeKit

/// A rating mark (★1) is a verdict of marks and digits: it makes no problem phrase and no
/// problem sentence for issue grouping, so low-rated reviews of different problems do not
/// share a feature through it. Uses a small synthetic lexicon, not the shipped one.
@Suite struct RatingMarkFeatureTests {
    static let signals = "trouble\tdissatisfaction\t不具合\n"
    static let entries = """
        ★1\tneg\t1.5\t-
        星1\tneg\t1.5\t-
        遅い\tneg\t1\tadj-i
        固まる\ttrouble\t1\tv5

        """

    /// Issue features of each text, all read with one lexicon (its lines' names are paths).
    static func features(_ texts: String...) throws -> [IssueFeatures] {
        let (lexicon, diagnostics) = try TemporaryLexicon.load([["signals.tsv": signals, "entries.tsv": entries]])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let classifier = try Classifier(lexicon: CompiledLexicon(lexicon))
        return try texts.map { try classifier.issueFeatures(of: try classifier.classify($0), text: $0) }
    }

    @Test func aRatingMarkMakesNoProblemPhrase() throws {
        let f = try Self.features("★1 乗換案内。\n検索が遅い。", "★1 家計簿。\n入力画面が固まる。")
        let (slow, frozen) = (f[0], f[1])
        let ratingPhrase: (String) -> Bool = { ($0.hasPrefix("p:") || $0.hasPrefix("a:")) && $0.hasSuffix("entries.tsv:1") }
        #expect(!slow.weights.keys.contains(where: ratingPhrase), "\(slow.weights.keys.sorted())")
        #expect(!frozen.weights.keys.contains(where: ratingPhrase), "\(frozen.weights.keys.sorted())")
        #expect(!slow.phrases.contains { $0.text.contains("★") }, "\(slow.phrases.map(\.text))")
        // The two reviews share no phrase feature: only their own problems are phrases.
        let phrases = { (f: IssueFeatures) in Set(f.weights.keys.filter { $0.hasPrefix("p:") || $0.hasPrefix("a:") }) }
        #expect(phrases(slow).isDisjoint(with: phrases(frozen)), "\(phrases(slow)) \(phrases(frozen))")
        #expect(!phrases(slow).isEmpty && !phrases(frozen).isEmpty)
    }

    @Test func aRatingMarkDoesNotMakeItsSentenceTheProblem() throws {
        // The title's word weighs as it does without the mark: off the problem sentence.
        let f = try Self.features("★1 乗換案内。\n検索が遅い。", "乗換案内。\n検索が遅い。")
        let (rated, plain) = (f[0], f[1])
        #expect(rated.weights["w:乗換案内"] != nil, "\(rated.weights.keys.sorted())")
        #expect(rated.weights["w:乗換案内"] == plain.weights["w:乗換案内"], "\(rated.weights) \(plain.weights)")
        #expect(rated.weights["w:検索"] == plain.weights["w:検索"])
    }

    @Test func aSubjectAfterARatingMarkIsAReviewTitleThatWeighsMoreThanASubject() throws {
        // The same title line as a review's title (★2 …) and as a ticket's subject: the review's
        // words weigh more (both off the problem sentence); neither makes a phrase of the title.
        let (lexicon, _) = try TemporaryLexicon.load([["signals.tsv": Self.signals, "entries.tsv": Self.entries]])
        let classifier = try Classifier(lexicon: CompiledLexicon(lexicon))
        func features(_ subject: String, _ body: String) throws -> IssueFeatures {
            let text = subject + "\n" + body
            return try classifier.issueFeatures(of: try classifier.classify(text), text: text, subjectLength: subject.unicodeScalars.count + 1)
        }
        let review = try features("★2 乗換案内", "検索が遅い。")
        let ticket = try features("乗換案内", "検索が遅い。")
        let title = try #require(review.weights["w:乗換案内"])
        #expect(title == IssueFeatureWeight.reviewTitle * IssueFeatureWeight.offProblemSentence, "\(review.weights)")
        #expect(title > (ticket.weights["w:乗換案内"] ?? 0), "\(review.weights) \(ticket.weights)")
        #expect(review.weights["w:検索"] == ticket.weights["w:検索"])
        #expect(!review.phrases.contains { $0.text.contains("乗換") }, "\(review.phrases.map(\.text))")
        #expect(ReviewTitle.isTitle(Array("☆☆☆ 重い\n".unicodeScalars), subjectLength: 7))
        #expect(!ReviewTitle.isTitle(Array("★2 重い\n本文".unicodeScalars), subjectLength: 0))
    }

    @Test func aMatchWithALetterStillNamesSomething() throws {
        let e = { (text: String) in Evidence(text: text, start: 0, end: text.unicodeScalars.count, entry: "t.tsv:1", pattern: text, contribution: -1, rules: []) }
        #expect(!e("★1").namesSomething)
        #expect(!e("☆2").namesSomething)
        #expect(!e("１").namesSomething)
        #expect(!e("★五").namesSomething)
        #expect(e("星1").namesSomething)
        #expect(e("固まる").namesSomething)
        #expect(e("遅い").namesSomething)
        #expect(e("ERROR 500").namesSomething)
    }
}
