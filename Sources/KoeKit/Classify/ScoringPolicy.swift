/// The numbers behind the Japanese rules, in one place so they can be tuned and documented.
public struct ScoringPolicy: Sendable {
    /// |net score| needed for success / dissatisfaction; below it a text is neutral.
    public var threshold = 0.4
    /// Japanese complaints are softened (少し, かな?), so less evidence is needed on that side.
    public var negativeThreshold = 0.3
    /// Both sides at least this large, and the weaker ≥ `mixedRatio` of the stronger: mixed.
    public var mixedFloor = 0.5
    public var mixedRatio = 0.35
    /// Negated positive (美味しくない) keeps this much of its weight, as negative.
    public var negatedPositive = 0.9
    /// Negated negative (不満はない) becomes weakly positive.
    public var negatedNegative = 0.4
    /// Double negation (なくはない) keeps the original sign, weakened.
    public var doubleNegation = 0.5
    /// A complaint stays a complaint when hedged (少し古い): hedges scale negatives by at least this.
    public var hedgedComplaint = 1.0
    /// Contribution of an absence (Xはありません) or presence (Xもあります) with nothing to negate.
    public var absence = 0.6
    public var presence = 0.5
    /// Contribution of an inability (入れませんでした) with nothing to negate.
    public var inability = 0.7
    /// Contribution of a negator with nothing to negate after an emphatic adverb (全然出てこない).
    public var emphaticNegation = 0.7
    /// How far before such a negator the emphatic adverb may end.
    public var emphaticReach: Int32 = 12
    /// A praise word inside a suggestion (あれば良かった) becomes this much of a complaint.
    public var suggestion = 0.8
    /// How far before a suggestion or request a praise word may end and still be wished for.
    public var suggestionReach: Int32 = 8
    /// How far (normalised UTF-16 units) a negator may follow the word it negates.
    public var negationReach: Int32 = 12
    /// How far from a minor-fault marker (のだけ, 欲を言えば) a complaint of its clause may be.
    public var minorReach: Int32 = 16
    /// How far an intensifier or hedge may precede the word it scales.
    public var modifierReach: Int32 = 6
    /// Contrast (けど, のに): the clause before the last marker weighs less, the one after more.
    public var beforeContrast = 0.6
    public var afterContrast = 1.4
    /// A sentence that ends on a contrast (良かったのですが…) implies a complaint of this size.
    public var trailingContrast = 0.6
    /// A marker of a broken expectation (のに, くせに) between clauses that score nothing
    /// (頼んだのに別の品が届いた) is a complaint of this size.
    public var brokenExpectation = 0.6
    /// What others are said to think (遅いとか言われてる) keeps this much of its weight.
    public var hearsay = 0.0
    /// How things were (以前は…), when the text then says the opposite, keeps this much.
    public var past = 0.0
    /// Past praise that nothing turns or carries on (以前は使いやすかった: better then) counts
    /// against at this factor of its weight.
    public var decline = 1.0
    /// A trouble named as the matter of a sentence that only praises how it was handled
    /// (不具合の件で丁寧に対応していただいた) keeps this much.
    public var handledCase = 0.0
    /// Hypothetical clause before なら/たら, and conditional signals after it.
    public var hypothetical = 0.4
    public var conditional = 0.7
    /// Questions soften the stance (signals keep their strength); a negative question
    /// (使えないのでしょうか) is usually still a complaint, so it is softened less.
    public var question = 0.5
    public var negativeQuestion = 0.8
    /// A churn, contraction or expansion phrase that is itself a request or a how-to question
    /// (解約したいです, 退会の方法を教えて) is a procedure: it keeps its signal and this much of
    /// its stance weight.
    public var procedural = 0.0

    public init() {}
}
