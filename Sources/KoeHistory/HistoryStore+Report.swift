import KoeKit

/// Connects a report run to the history: stored weeks fill the weeks the input lacks,
/// this week's clusters take their stored identities, and the report week is saved.
extension HistoryStore {
    /// Amends `prepared` in place and saves its report week (replacing what was stored for it).
    /// Weeks present in the input win over stored ones; weeks only in the store are added.
    public func merge(into prepared: inout ReportBuilder.Prepared) throws {
        let this = prepared.week.description
        let stored = try aggregates(before: this, limit: prepared.weeks.count)
        for aggregate in stored where prepared.aggregates[aggregate.week] == nil {
            prepared.aggregates[aggregate.week] = aggregate
        }
        var current = prepared.aggregates[this] ?? WeekAggregate(week: this)
        current.issues = [:]
        current.featureRequests = [:]
        let live = (prepared.issues + prepared.features).filter { $0.count(in: this) > 0 }
        let candidates = live.map { t in
            IssueCandidate(
                terms: t.cluster.terms, memberKeys: t.membersThisWeek, label: t.cluster.label, kind: t.kind,
                count: t.count(in: this))
        }
        let assignments = try saveAssigning(week: current, candidates: candidates)
        var byOldID: [String: IssueAssignment] = [:]
        for (track, assignment) in zip(live, assignments) { byOldID[track.id] = assignment }
        prepared.issues = prepared.issues.map { relabel($0, byOldID[$0.id], stored) }
        prepared.features = prepared.features.map { relabel($0, byOldID[$0.id], stored) }
        if let saved = try aggregate(for: this) { prepared.aggregates[this] = saved }
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
