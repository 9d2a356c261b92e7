/// Which section of the weekly report a signal feeds, declared per signal in the `report`
/// column of `signals.tsv` (comma-separated; `none` for the appendix counts only). The report
/// builder knows roles, never signal ids, so a signal a user lexicon adds reaches its section.
public enum ReportRole: String, Sendable, CaseIterable, Codable {
    /// Churn risk: the accounts showing it are listed with the evidence.
    case risk
    /// Effort: a rate in the effort table, and its quotes.
    case effort
    /// Resolution quality: a success-family signal counts as a satisfied resolution, a
    /// dissatisfaction-family one as a complaint that merely subsided.
    case resolution
    /// Success: agent shout-outs.
    case shoutout
    /// Success: quantified outcomes (quoted when the text holds a number).
    case outcome
    /// Success: case-study candidates (successful items of a known account).
    case caseStudy = "case_study"
    /// Success: expansion leads.
    case expansion
    /// Feature requests, grouped like issues.
    case request

    /// The column's value for no section.
    public static let noneValue = "none"
}
