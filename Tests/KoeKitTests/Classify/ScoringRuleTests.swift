import Testing
@testable import KoeKit

/// Each scoring rule and constant of `ScoringPolicy`, pinned by the exact score it gives on the
/// synthetic `MiniLexicon`: changing a rule or a number makes one of these rows fail.
@Suite struct ScoringRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let text: String
        let score: Double
        let stance: Stance
        var testDescription: String { "\(rule): \(text)" }

        init(_ rule: String, _ text: String, _ score: Double, _ stance: Stance) {
            self.rule = rule
            self.text = text
            self.score = score
            self.stance = stance
        }
    }

    static let cases: [Case] = [
        Case("plain word", "便利です", 1, .success),
        Case("success threshold 0.4", "早い", 0.3, .neutral),
        Case("negative threshold 0.3", "遅い", -0.3, .dissatisfaction),
        Case("negated positive keeps 0.9", "便利ではない", -0.9, .dissatisfaction),
        Case("negated negative gives 0.4", "悪くない", 0.4, .success),
        Case("negator weight scales a negated negative", "不具合がなくなった", 1, .success),
        Case("double negation keeps half", "便利じゃなくはない", 0.5, .success),
        Case("a negator inside a word is part of it", "使えない", -1, .dissatisfaction),
        Case("a rule word that overlaps a word yields to it", "動かなくなった", -1, .dissatisfaction),
        Case("negation reaches 12 units", "悪いあいうえおかきくけこさし" + "ない", 0.4, .success),
        Case("negation reaches no further", "悪いあいうえおかきくけこさしす" + "ない", -1, .dissatisfaction),
        Case("negation stops at a comma", "悪い、ない", -1, .dissatisfaction),
        Case("negation stops at another predicate", "雑で出来なかった", -1.7, .dissatisfaction),
        Case("negation stops at a space after a sentence", "悪いです できません", -1.7, .dissatisfaction),
        Case("negation stops at a sentence end", "悪い。ない", -1, .dissatisfaction),
        Case("an emoji ends a sentence", "悪い🙃ない", -1, .dissatisfaction),
        Case("an emoji with a skin tone ends a sentence", "悪い👍🏻ない", -1, .dissatisfaction),
        Case("a joined emoji ends a sentence", "悪い👨‍👩‍👧ない", -1, .dissatisfaction),
        Case("a rating star is no emoji", "悪い★ない", 0.4, .success),
        Case("negation stops at a て-form with a new argument", "悪くてそれはできません", -1.7, .dissatisfaction),
        Case("ては keeps the negation", "悪くてはない", 0.4, .success),
        Case("しか…ない says only: the complaint stands", "雑な対応しかない", -1, .dissatisfaction),
        Case("しか…ない says only: the praise stands", "感謝しかない", 2, .success),
        Case("しかし is no restrictive しか", "しかし雑ではない", 0.4, .success),
        Case("a word between しか and the negator is still negated", "一度しか便利じゃない", -0.9, .dissatisfaction),
        Case("a て-form hands the negation to the next predicate", "悪くてうごかない", -1, .dissatisfaction),
        Case("an auxiliary after a て-form keeps the negation", "悪くてもらえない", 0.4, .success),
        Case("ても hands the negation to a new predicate", "悪くても動かない", -1, .dissatisfaction),
        Case("a complaint negated at the end of a question is asserted", "悪くないですか", -0.8, .dissatisfaction),
        Case("a negated complaint that is not asked stays negated", "悪くないですね", 0.4, .success),
        Case("a negated complaint noun in a question stays a question", "不具合ないですか", 0.2, .neutral),
        Case("a phrase ending in ても is not negated by what follows", "待っても来ない", -1, .dissatisfaction),
        Case("a space after a sentence-final kana ends the sentence", "便利です 悪いですか", 0.2, .mixed),
        Case("a 。 inside a longer rule word still ends the sentence", "悪いかな。便利", 0.2, .mixed),
        Case("absence alone", "駐車場はありません", -0.6, .dissatisfaction),
        Case("an emphatic negation of nothing is a complaint, scaled by its adverb", "全然届かない", -1.05, .dissatisfaction),
        Case("an emphatic adverb reaches a negator 12 units on", "全然あいうえおかきくけこさし" + "ない", -0.7, .dissatisfaction),
        Case("an emphatic adverb reaches no further", "全然あいうえおかきくけこさしす" + "ない", 0, .neutral),
        Case("an emphatic negation of a word negates the word", "全然悪くない", 0.6, .success),
        Case("an emphatic ずに says without", "全然待たずに", 0, .neutral),
        Case("an emphatic こと + negator says without", "全然待つことない", 0, .neutral),
        Case("an emphatic adverb stays in its sentence", "全然便利。届かない", 1.5, .success),
        Case("a plain negation of nothing is nothing", "届かない", 0, .neutral),
        Case("an imperative at a sentence end wishes for the praise before it", "早く直せ", -1, .dissatisfaction),
        Case("an imperative alone is a complaint", "直せよ！", -1, .dissatisfaction),
        Case("an imperative not at a sentence end (quoted) does nothing", "直せと言われた", 0, .neutral),
        Case("a minor-fault marker halves the complaint before it", "悪いのだけ", -0.5, .dissatisfaction),
        Case("a minor-fault marker halves the complaint after it", "のだけ悪い", -0.5, .dissatisfaction),
        Case("a minor-fault marker reaches 16 units", "悪いあいうえおかきくけこさしすせそほ" + "のだけ", -0.5, .dissatisfaction),
        Case("a minor-fault marker reaches no further", "悪いあいうえおかきくけこさしすせそほほ" + "のだけ", -1, .dissatisfaction),
        Case("a minor-fault marker stays in its clause", "悪い。のだけ", -1, .dissatisfaction),
        Case("a complaint is made minor once", "悪いのだけのだけ", -0.5, .dissatisfaction),
        Case("a minor-fault marker leaves praise alone", "便利のだけ", 1, .success),
        Case("a negation does not reach over の + は", "返事が来ないのは変わらない", -1, .dissatisfaction),
        Case("a negation does not reach over の + が", "悪いのが変わらない", -1, .dissatisfaction),
        Case("an absence after 特に is nothing to report", "特に記載はありません", 0, .neutral),
        Case("特に in the sentence before does not reach", "特に。記載はありません", -0.6, .dissatisfaction),
        Case("absence negates", "不具合はありません", 0.4, .success),
        Case("presence alone", "駐車場もあります", 0.5, .success),
        Case("presence after a word does nothing", "不具合もあります", -1, .dissatisfaction),
        Case("inability alone", "予約できません", -0.7, .dissatisfaction),
        Case("intensifier multiplies", "とても便利", 1.5, .success),
        Case("intensifier reaches 6 units", "とてもあいうえおか便利", 1.5, .success),
        Case("intensifier reaches no further", "とてもあいうえおかき便利", 1, .success),
        Case("hedge softens praise", "少し便利", 0.5, .success),
        Case("hedged complaint stays whole", "少し悪い", -1, .dissatisfaction),
        Case("suggestion turns praise into a wish", "説明があれば良かった", -0.8, .dissatisfaction),
        Case("the past side of a change weighs nothing", "以前は悪いけど今は便利", 1.4, .success),
        Case("the past without a turn stands", "以前は悪い", -1, .dissatisfaction),
        Case("the past clause may turn inside itself", "以前は悪いから便利", 1, .success),
        Case("a past complaint trailing off in のに is the background of a change", "以前は悪いのに。", 0, .neutral),
        Case("a past praise trailing off in のに is a complaint", "以前は便利のに。", -0.6, .dissatisfaction),
        Case("past praise ending its sentence in the past tense is a decline", "以前は便利だった", -1, .dissatisfaction),
        Case("past praise in the present tense stands", "以前は便利です", 1, .success),
        Case("a past complaint in the past tense stands", "以前は悪かった", -1, .dissatisfaction),
        Case("past praise in a resultative form stands", "以前は感謝しています", 2, .success),
        Case("past praise before a contrast that praises again: the praise after it counts", "以前は便利だったけど今も良かった", 2, .success),
        Case("a pattern in parts that tells a change is no decline", "以前は面倒だったので便利だった", 1, .success),
        Case("a trouble named as the case of praise weighs nothing", "不具合について感謝します", 2, .success),
        Case("a case followed by blame stands", "不具合について感謝、悪い", 0, .mixed),
        Case("a case is only the matter of its own sentence", "不具合。について感謝します", 1, .mixed),
        Case("a circumstance silences what it spans", "雪で不具合", 0, .neutral),
        Case("a circumstance silences only its span", "雪で不具合、悪い", -1, .dissatisfaction),
        Case("an agent's turn silences its sentence", "係：不具合、悪い", 0, .neutral),
        Case("an agent's turn after a timestamp silences its sentence", "[10:02] 係：悪い", 0, .neutral),
        Case("an agent's turn ends with its sentence", "係：悪い。不具合", -1, .dissatisfaction),
        Case("an agent's turn marker after words opens no turn", "便利な係：悪い", 0, .mixed),
        Case("a suggestion that holds praise still wishes for praise before it", "便利な説明があれば良かった", -1.6, .dissatisfaction),
        Case("request turns praise before it into a mild wish", "便利にしてください", -0.24, .neutral),
        Case("request alone is a mild complaint", "教えてください", -0.24, .neutral),
        Case("a wish that is itself negated is no request (nothing to wish for)", "悪くしてくださいはない", 0.4, .success),
        Case("a weak praise word wished for weighs at least the wish", "早くしてください", -0.24, .neutral),
        Case("a praise signal wished to become (なって) is a wish", "使いやすくなってください", -0.24, .neutral),
        Case("praise before a request line that spells out a goal (ように) is the goal wished for", "使いやすいようにしてください", -0.24, .neutral),
        Case("contrast: before 0.6, after 1.4", "遅いけど便利", 1.22, .success),
        Case("contrast: the later complaint weighs more", "早いけど悪い", -1.22, .dissatisfaction),
        Case("trailing contrast takes praise back", "便利だけど", -0.6, .dissatisfaction),
        Case("a contrast trailing off in sentence-final particles still trails", "便利だけどなぁ〜", -0.6, .dissatisfaction),
        Case("a word after the particles is no trailing off", "便利だけどね楽しい", 1.4 * 1 + 0.6, .success),
        Case("hypothetical clause weighs 0.4, conditional signal 0.7", "悪いなら解約します", -1.1, .dissatisfaction),
        Case("question halves praise", "便利ですか", 0.5, .success),
        Case("negative question keeps 0.8", "悪いですか", -0.8, .dissatisfaction),
        Case("a hypothetical question announces nothing", "解約したらどうなりますか", 0, .neutral),
        Case("a question about what follows a hypothetical announces nothing", "更新したら不具合が出ますか", 0, .neutral),
        Case("a clause closed before the question is stated, not asked", "更新したら不具合けど、便利ですか", -0.48, .dissatisfaction),
        Case("hearsay is not the writer's view", "悪いとか言われてるけど便利", 1.4, .success),
        Case("praise after a complaint that ends in a conditional is counterfactual", "悪ければ最高", -0.4, .dissatisfaction),
        Case("だらけ is no conditional", "不具合だらけで最高", 1, .mixed),
        Case("a broken expectation between plain facts is a complaint", "頼んだのに届いた", -0.6, .dissatisfaction),
        Case("a plain contrast between plain facts is nothing", "頼んだけど届いた", 0, .neutral),
        Case("a broken expectation before praise is the praise", "高価なのに便利", 1.4, .success),
        Case("a churn phrase spelled out by a request is a procedure", "解約したいです", 0, .neutral),
        Case("a request right after a churn phrase makes it a procedure", "解約との依頼", 0, .neutral),
        Case("a conditional threat is no procedure", "悪いなら解約したい", -1.1, .dissatisfaction),
        Case("a double negation whose first ない ends a complaint word negates it", "動かなくはない", 0.4, .success),
        Case("sarcasm cancels praise next to a complaint", "さすが便利、不具合", -1, .dissatisfaction),
        Case("sarcasm with a repeat count", "さすが今月3回目", -1, .dissatisfaction),
        Case("pseudo-negation silences the words inside it", "申し訳ない", 0, .neutral),
        Case("a signal and a polarity word on one span both count", "感謝します", 2, .success),
        Case("reaching back, a request leaves a signal alone", "感謝でお願いします", 0.76, .success),
        Case("a signal phrase that reaches into a request keeps its meaning", "継続でお願いします", 1, .success),
        Case("a praise signal made into a goal is a wish", "使いやすくしてください", -0.24, .neutral),
        Case("a procedure: a phrase spelled out by a request after a する ending weighs nothing", "休止することはできますか", 0, .neutral),
        Case("a connective between is no する ending: the phrase stands", "休止なのでとの依頼", -1, .dissatisfaction),
        Case("a clause closed by a contrast before an if-clause is stated, not hypothetical", "不具合だけど解約したら", -1.16, .dissatisfaction),
        Case("requests do not add up: only the strongest counts", "確認してください。送ってください", -0.24, .neutral),
        Case("a request still adds to a complaint", "不具合です。確認してください", -1.24, .dissatisfaction),
        Case("a prefix rule line starts on a word boundary", "ずっと良い", 1, .success),
        Case("a prefix rule line on its boundary applies", "あると良い", -0.8, .dissatisfaction),
        Case("one span counts once under negation", "楽しめない", -0.9, .dissatisfaction),
        Case("a negator inside a quotation negates nothing before it", "便利「ない」", 1, .success),
        Case("a none line claims its span and weighs nothing", "楽しい時間", 0, .neutral),
        Case("one span counts once after a span that lost (lines of one kind need not be neighbours)", "楽しめ。丁寧", 3, .success),
        Case("mixed: both sides at least 0.5", "最高。悪い", 1, .mixed),
        Case("mixed: the weaker side below 0.35 of the stronger is not mixed", "とても最高。悪い", 2, .success),
        Case("mixed floor 0.5: a weaker side of 0.45 is not mixed", "便利。とても遅い", 0.55, .success),
        Case("mixed floor 0.5: a weaker side of 0.5 is", "不具合。便利じゃなくはない", -0.5, .mixed),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) throws {
        let result = try MiniLexicon.classifier().classify(c.text)
        #expect(result.score == c.score, "score of \(c.text): \(result.score) (+\(result.positive) / -\(result.negative))")
        #expect(result.stance == c.stance, "stance of \(c.text)")
    }

    /// A signal in the if-clause (解約したら) is conditional, like one after なら.
    @Test(arguments: ["解約したら困る", "悪いなら解約します", "悪ければ解約します", "解約したら良かった"])
    func conditionalSignals(_ text: String) throws {
        let result = try MiniLexicon.classifier().classify(text)
        let churn = try #require(result.signals.first { $0.id == "churn_intent" })
        #expect(churn.conditional)
    }

    /// A たら clause whose sentence goes on to a past or resultative predicate tells what happened
    /// (解約したら便利だった): it is no condition.
    @Test(arguments: ["解約したら便利だった", "解約したら便利になってて草", "解約したら便利になったよ！"])
    func temporalClausesAreStated(_ text: String) throws {
        let result = try MiniLexicon.classifier().classify(text)
        let churn = try #require(result.signals.first { $0.id == "churn_intent" })
        #expect(!churn.conditional)
    }

    /// Two lines that spell one string for one target are one match: one piece of evidence,
    /// from the heavier line, whichever comes first (an action signal weighs nothing in the
    /// score, so only the evidence shows it; two polarity lines show in the score as well).
    @Test func oneSpanIsOneMatch() throws {
        let classifier = try MiniLexicon.classifier()
        let asked = try #require(classifier.classify("ことはできますか").signals.first { $0.id == "question_asked" })
        #expect(asked.evidence.map(\.pattern) == ["(ことはできますか|ことは可能ですか)"])
        let polite = try classifier.classify("丁寧")
        #expect(polite.evidence.map(\.pattern) == ["丁寧"])
        #expect(polite.score == 2)
    }

    /// A gapped line with an optional opening matches from the opening when it is there: the
    /// first part's hits that end at one place are one occurrence, and the longest stands for it.
    @Test func optionalOpeningStaysInTheChain() throws {
        let classifier = try MiniLexicon.classifier()
        #expect(try classifier.classify("書類の申請が進まない").evidence.map(\.text) == ["書類の申請が進まない"])
        #expect(try classifier.classify("申請が進まない").evidence.map(\.text) == ["申請が進まない"])
    }

    /// A negator after an embedded wh-question belongs to the verb of knowing (何回…か|分から|ない):
    /// the signal inside the question stands; a yes/no question (…か分からない without a
    /// question word) leaves it negated.
    @Test func embeddedQuestionKeepsItsSignal() throws {
        let classifier = try MiniLexicon.classifier()
        #expect(try classifier.classify("何回解約したか分からない").signals.map(\.id) == ["churn_intent"])
        #expect(try classifier.classify("解約したか分からない").signals.isEmpty)
        #expect(try classifier.classify("何回解約したかない").signals.isEmpty)
    }

    /// A `none` line wins its span and leaves no evidence of its own.
    @Test func noneLineLeavesNoEvidence() throws {
        let result = try MiniLexicon.classifier().classify("楽しい時間")
        #expect(result.evidence.isEmpty && result.signals.isEmpty)
    }

    /// A signal phrase inside a circumstance emits nothing.
    @Test func circumstanceEmitsNoSignal() throws {
        #expect(try MiniLexicon.classifier().classify("雪で解約する").signals.isEmpty)
    }

    /// A signal phrase in an agent's turn is the company's wording and emits nothing.
    @Test func agentTurnEmitsNoSignal() throws {
        #expect(try MiniLexicon.classifier().classify("係：解約する").signals.isEmpty)
        #expect(try MiniLexicon.classifier().classify("客：解約する。係：感謝").signals.map(\.id) == ["churn_intent"])
    }

    /// The case a sentence praises the handling of emits no signal (解約について感謝します).
    @Test func handledCaseEmitsNoSignal() throws {
        #expect(try MiniLexicon.classifier().classify("解約について感謝します").signals.map(\.id) == ["thanks_given"])
    }

    /// A procedure (a churn phrase inside a request) keeps both signals; only its stance weight goes.
    @Test func proceduralChurnKeepsItsSignal() throws {
        let result = try MiniLexicon.classifier().classify("解約したいです")
        #expect(Set(result.signals.map(\.id)) == ["churn_intent", "question_asked"])
    }

    /// A decline (以前は使いやすかった) is no praise: the praise signal goes with the praise.
    @Test func declineEmitsNoPraiseSignal() throws {
        #expect(try MiniLexicon.classifier().classify("以前は使いやすかった").signals.isEmpty)
        #expect(try MiniLexicon.classifier().classify("使いやすかった").signals.map(\.id) == ["ease_praised"])
    }

    /// Churn that others are said to consider is no signal of the writer's.
    @Test func hearsayEmitsNoSignal() throws {
        #expect(try MiniLexicon.classifier().classify("解約するとか言われてる").signals.isEmpty)
        #expect(try MiniLexicon.classifier().classify("解約する").signals.map(\.id) == ["churn_intent"])
    }

    /// A question about a case (解約したら…ですか) keeps the action signal and drops churn.
    @Test func hypotheticalQuestionKeepsOnlyActionSignals() throws {
        let result = try MiniLexicon.classifier().classify("解約したらどうなりますか")
        #expect(result.signals.map(\.id) == ["question_asked"])
    }

    /// A negated churn phrase emits no signal; a negated praise signal turns into a complaint.
    @Test func negatedSignals() throws {
        let classifier = try MiniLexicon.classifier()
        #expect(try classifier.classify("解約しない").signals.isEmpty)
        let thanks = try classifier.classify("感謝しない")
        #expect(!thanks.hasSignal("thanks_given") && thanks.score == -1.8)
    }
}
