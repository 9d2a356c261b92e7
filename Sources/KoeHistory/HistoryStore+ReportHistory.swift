import KoeKit

/// The history as a report run reads it (`ReportHistory`), and the one write a run makes
/// after its report was written: every week of its input, in one transaction.
extension HistoryStore: ReportHistory {
    public func aggregates(before week: ISOWeek, limit: Int) throws -> [WeekAggregate] {
        try aggregates(before: week.description, limit: limit)
    }

    public func identities(for candidates: [IssueCandidate], in week: ISOWeek) throws -> [IssueAssignment] {
        try assignIdentities(candidates, week: week.description)
    }

    /// Saves the weeks of a run (`ReportRun.weeks`, report week first) in one IMMEDIATE
    /// transaction, each replacing what was stored for it: all or nothing. Throws
    /// `identityConflict` when another run minted one of the report week's new ids meanwhile.
    public func save(_ weeks: [WeekSnapshot]) throws {
        try write { db in
            for snapshot in weeks {
                var aggregate = snapshot.aggregate
                aggregate.week = snapshot.week
                try replace(db, aggregate, snapshot.issues)
            }
        }
    }
}
