import KoeKit

/// Connects a report run to the history in two steps, so a run that fails to write its report
/// changes nothing: `merge` reads (stored weeks fill the weeks the input lacks, this week's
/// clusters take their stored identities) and returns what to save; `save` writes it in one
/// transaction after the report was written.
extension HistoryStore {
    /// What one report run saves: the report week with its issues, and the earlier complete
    /// weeks of the input that the store does not hold yet (backfill).
    public struct PendingSave: Sendable {
        public let week: WeekAggregate
        let issues: [(assignment: IssueAssignment, candidate: IssueCandidate)]
        /// Weeks saved from this input besides the report week, oldest first.
        public let backfill: [WeekAggregate]
    }

    /// Amends `prepared` in place (read only; nothing is written) and returns what `save` will
    /// store. Weeks present in the input win over stored ones; weeks only in the store are
    /// added. A week of the input before the report week is backfilled when the store lacks it
    /// and the input holds all of it (the input starts on or before its Monday); weeks already
    /// stored are kept (drop one with `koe history drop` to rebuild it).
    public func merge(into prepared: inout ReportBuilder.Prepared) throws -> PendingSave {
        let this = prepared.week.description
        let inputWeeks = Set(prepared.aggregates.filter { $0.value.total > 0 }.keys)
        let storedWeeks = Set(try weeks().map(\.week))
        let stored = try aggregates(before: this, limit: prepared.weeks.count)
        for aggregate in stored where prepared.aggregates[aggregate.week] == nil {
            prepared.aggregates[aggregate.week] = aggregate
        }
        let live = (prepared.issues + prepared.features).filter { $0.count(in: this) > 0 }
        let candidates = live.map { t in
            IssueCandidate(
                terms: t.cluster.terms, memberKeys: t.membersThisWeek, label: t.cluster.label, kind: t.kind,
                count: t.count(in: this))
        }
        let assignments = try assignIdentities(candidates, week: this)
        var byOldID: [String: IssueAssignment] = [:]
        for (track, assignment) in zip(live, assignments) { byOldID[track.id] = assignment }
        let tracks = prepared.issues + prepared.features
        prepared.issues = prepared.issues.map { relabel($0, byOldID[$0.id], stored) }
        prepared.features = prepared.features.map { relabel($0, byOldID[$0.id], stored) }
        // Issue counts of the input's weeks, under the ids this run assigns.
        for week in inputWeeks {
            guard var aggregate = prepared.aggregates[week] else { continue }
            aggregate.issues = [:]
            aggregate.featureRequests = [:]
            for t in tracks {
                guard let id = byOldID[t.id]?.id, let n = t.countsByWeek[week], n > 0 else { continue }
                if t.kind == IssueID.featureRequestKind { aggregate.featureRequests[id] = n } else { aggregate.issues[id] = n }
            }
            prepared.aggregates[week] = aggregate
        }
        let backfill = inputWeeks.sorted().filter { week in
            guard week < this, !storedWeeks.contains(week), let w = ISOWeek(week), let first = prepared.earliestDate else { return false }
            return first <= w.monday
        }.compactMap { prepared.aggregates[$0] }
        return PendingSave(
            week: prepared.aggregates[this] ?? WeekAggregate(week: this),
            issues: Array(zip(assignments, candidates)).map { (assignment: $0, candidate: $1) },
            backfill: backfill)
    }

    /// Saves what `merge` returned, in one transaction: the backfilled weeks, then the report
    /// week (replacing what was stored for it). Throws `identityConflict` when another run
    /// minted one of the new ids in between; then nothing is saved.
    public func save(_ pending: PendingSave) throws {
        var week = pending.week
        week.week = try Self.normalized(week.week)
        let backfill = try pending.backfill.map { a -> WeekAggregate in
            var a = a
            a.week = try Self.normalized(a.week)
            return a
        }
        try write { db in
            for aggregate in backfill { try replace(db, aggregate, []) }
            try replace(db, week, pending.issues)
        }
    }

    /// A track under its stored id, with counts for stored weeks the input does not hold.
    private func relabel(_ track: IssueTrack, _ assignment: IssueAssignment?, _ stored: [WeekAggregate]) -> IssueTrack {
        guard let assignment else { return track }
        var t = track
        t.id = assignment.id
        for aggregate in stored where t.countsByWeek[aggregate.week] == nil {
            let n = (track.kind == "issue" ? aggregate.issues : aggregate.featureRequests)[assignment.id] ?? 0
            if n > 0 { t.countsByWeek[aggregate.week] = n }
        }
        t.firstSeen = min(assignment.firstSeen, t.countsByWeek.keys.min() ?? assignment.firstSeen)
        t.weeksActive = max(assignment.weeksActive, t.countsByWeek.count)
        return t
    }
}
