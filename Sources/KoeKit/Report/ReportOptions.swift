/// How `koe report` builds a report.
public struct ReportOptions: Sendable {
    /// The report week; nil = the latest complete week in the data.
    public var week: ISOWeek?
    public var maskPII = true
    /// Weeks shown in trends (report week included).
    public var windowWeeks = 12
    /// Earlier weeks used as the baseline of emerging-issue detection.
    public var baselineWeeks = 8
    /// Emerging issues: a new issue needs this many items this week; a spike needs
    /// `spikeMinimum` items and a z-score of `spikeZ`, with the standard deviation floored at
    /// max(1, √mean) so small counts cannot make noise look like a spike.
    public var newIssueMinimum = 3
    public var spikeMinimum = 5
    public var spikeZ = 3.0
    public var quoteLength = 140
    /// The scale of the ratings (`--rating-scale`); `.auto` detects it from the values.
    public var ratingScale = RatingScaleChoice.auto
    public var sources: [String] = []
    public var generator = "koe"

    public init() {}
}
