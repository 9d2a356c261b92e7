/// A report run with a history: stored weeks fill the weeks the input lacks, the report
/// week's issues take their stored identities, and every week of the input comes back as a
/// snapshot for the caller to save. The history is only read here.
extension ReportBuilder {
    /// The report (nil when no record has a usable date) and, with a history, the weeks to save.
    public func build(
        items: [ReportItem], recordsRead: Int, skipped: [String: Int], history: (any ReportHistory)? = nil
    ) throws -> ReportRun? {
        var collector = ReportCollector(builder: self)
        for item in items { collector.add(item) }
        return try build(consume collector, recordsRead: recordsRead, skipped: skipped, history: history)
    }

    /// `build` of items collected as they streamed in; `week` overrides the collector's
    /// choice (it must be one the collector kept: see `ReportCollector`).
    public func build(
        _ collected: consuming ReportCollector, week: ISOWeek? = nil, recordsRead: Int, skipped: [String: Int],
        history: (any ReportHistory)? = nil
    ) throws -> ReportRun? {
        guard var prepared = collected.prepared(week: week, recordsRead: recordsRead, skipped: skipped) else { return nil }
        var weeks: [WeekSnapshot] = []
        if let history { weeks = try apply(history, to: &prepared) }
        return ReportRun(report: assemble(prepared), weeks: weeks)
    }

    /// Amends `p` with what `history` holds and returns the input's weeks as snapshots, the
    /// report week first. Weeks present in the input win over stored ones.
    func apply(_ history: any ReportHistory, to p: inout Prepared) throws -> [WeekSnapshot] {
        let this = p.week
        let inputWeeks = p.weeks.filter { p.aggregates[$0] != nil }
        let stored = try history.aggregates(before: p.week, limit: p.weeks.count).map { ($0.week, $0) }
        for (week, aggregate) in stored where p.aggregates[week] == nil {
            p.aggregates[week] = aggregate
        }
        let live = (p.issues + p.features).filter { $0.count(in: this) > 0 }
        let assignments = try history.identities(for: live.map { candidate($0, week: this) }, in: p.week)
        var byRunID: [String: IssueAssignment] = [:]
        for (track, assignment) in zip(live, assignments) { byRunID[track.id] = assignment }
        let snapshots = inputWeeks.reversed().compactMap { week -> WeekSnapshot? in
            guard let aggregate = p.aggregates[week] else { return nil }
            return snapshot(week, aggregate, reportWeek: p.week, live: live, byRunID)
        }
        p.issues = p.issues.map { relabel($0, byRunID[$0.id], stored) }
        p.features = p.features.map { relabel($0, byRunID[$0.id], stored) }
        return snapshots
    }

    private func candidate(_ t: IssueTrack, week: ISOWeek) -> IssueCandidate {
        IssueCandidate(
            terms: t.cluster.terms, memberKeys: t.membersByWeek[week] ?? [], label: t.cluster.label, kind: t.kind,
            count: t.count(in: week))
    }

    /// The week with its issues under their assigned ids. Earlier weeks count the items that
    /// matched the report week's issues, as the report's trends do; an id is new only in the
    /// report week.
    private func snapshot(
        _ week: ISOWeek, _ aggregate: WeekAggregate, reportWeek: ISOWeek, live: [IssueTrack], _ byRunID: [String: IssueAssignment]
    ) -> WeekSnapshot {
        var aggregate = aggregate
        aggregate.issues = [:]
        aggregate.featureRequests = [:]
        var issues: [(assignment: IssueAssignment, candidate: IssueCandidate)] = []
        for track in live {
            let n = track.count(in: week)
            guard n > 0, var assignment = byRunID[track.id] else { continue }
            if week != reportWeek { assignment.isNew = false }
            issues.append((assignment, candidate(track, week: week)))
            if track.kind == .issue { aggregate.issues[assignment.id] = n } else { aggregate.featureRequests[assignment.id] = n }
        }
        return WeekSnapshot(week: week, aggregate: aggregate, issues: issues)
    }

    /// A track under its stored id, with counts for stored weeks the input does not hold.
    private func relabel(
        _ track: IssueTrack, _ assignment: IssueAssignment?, _ stored: [(week: ISOWeek, aggregate: WeekAggregate)]
    ) -> IssueTrack {
        guard let assignment else { return track }
        var t = track
        t.id = assignment.id
        for (week, aggregate) in stored where t.countsByWeek[week] == nil {
            let n = (track.kind == .issue ? aggregate.issues : aggregate.featureRequests)[assignment.id] ?? 0
            if n > 0 { t.countsByWeek[week] = n }
        }
        t.firstSeen = min(assignment.firstSeen, t.countsByWeek.keys.min() ?? assignment.firstSeen)
        t.weeksActive = max(assignment.weeksActive, t.countsByWeek.count)
        return t
    }
}
