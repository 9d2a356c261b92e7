/// The outcome of `ReportBuilder.build`: the report, and what a history should keep of it.
public struct ReportRun: Sendable {
    public var report: WeeklyReport
    /// Every week of the input from the first shown to the report week, report week first
    /// (empty without a history): save them only after the report was written.
    public var weeks: [WeekSnapshot]
}
