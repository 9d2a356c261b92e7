/// What earlier runs left behind, as the report builder reads it: the figures of weeks the
/// input lacks, and stable identities for the report week's issues. Implemented by
/// `KoeHistory.HistoryStore`; without a history the input's own earlier weeks are the baseline.
/// Reading only: what a run leaves for later runs comes back as `ReportRun.weeks`, for the
/// caller to save once the report is safely written.
public protocol ReportHistory {
    /// At most `limit` stored weeks strictly before `week`, oldest first.
    func aggregates(before week: ISOWeek, limit: Int) throws -> [WeekAggregate]
    /// The stored (or newly minted) identity of each candidate, in the order given.
    func identities(for candidates: [IssueCandidate], in week: ISOWeek) throws -> [IssueAssignment]
}
