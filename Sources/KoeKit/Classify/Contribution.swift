/// What one content hit adds up to after the Japanese rules have been applied to it.
struct Contribution {
    var hit: Hit
    /// Signed contribution to the stance score.
    var value: Double
    /// The signal it emits, if any (a negated churn phrase emits none).
    var signal: String?
    var family: SignalFamily?
    var strength: Double
    var conditional = false
    var negated = false
    var rules: [String] = []
}
