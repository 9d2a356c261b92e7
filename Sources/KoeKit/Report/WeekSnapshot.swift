/// One week as a history keeps it: its figures and its issues under their stable ids. A run
/// with a history returns one per week of its input up to the report week (`ReportRun.weeks`).
public struct WeekSnapshot: Sendable {
    public var week: ISOWeek
    /// `issues` and `featureRequests` are keyed by the assigned ids.
    public var aggregate: WeekAggregate
    /// Issues seen in the week, with the identity each was given.
    public var issues: [(assignment: IssueAssignment, candidate: IssueCandidate)]

    public init(week: ISOWeek, aggregate: WeekAggregate, issues: [(assignment: IssueAssignment, candidate: IssueCandidate)]) {
        self.week = week
        self.aggregate = aggregate
        self.issues = issues
    }
}
