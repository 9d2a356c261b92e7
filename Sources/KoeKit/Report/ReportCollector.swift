/// Collects classified items for the report as they stream in, keeping per-item data only
/// where the report needs it, so memory is bounded by the report week, not by the input:
/// - every week: counts (`WeekTally`: volume, stances, signals, terms, risk accounts);
/// - weeks that can still be the report week: the items themselves (quotes, grouping);
/// - other weeks: the issue features of dissatisfied and feature-request items only
///   (`CompactIssueItems`), to match them to the report week's issues for trends and history.
///
/// Without a fixed week the report week is chosen at the end (`ReportBuilder.defaultWeek`):
/// it is the last week of a run of weeks without a gap of more than
/// `ReportBuilder.outlierGapWeeks`, or the week before it. A week stops being a candidate
/// once its run reaches two weeks past it, and can never become one again, so its items are
/// reduced from then on.
public struct ReportCollector: Sendable {
    let builder: ReportBuilder
    /// The report week when it is known before reading (`--week`).
    let fixedWeek: ISOWeek?
    private let riskSignals: Set<String>
    private let requestSignals: Set<String>

    /// Tokyo creation dates of the items and how many items have each.
    public private(set) var dates: [CivilDate: Int] = [:]
    private var tallies: [ISOWeek: WeekTally] = [:]
    private var full: [ISOWeek: [ReportItem]] = [:]
    private var compact: [ISOWeek: CompactIssueItems] = [:]
    private var names = FeatureNames()
    /// Items of weeks that cannot be in the report's window (fixed week only).
    private var outside = 0
    /// Weeks that have items, sorted: the candidates are found from them.
    private var weeks: [ISOWeek] = []

    public init(builder: ReportBuilder) {
        self.builder = builder
        fixedWeek = builder.options.week
        riskSignals = builder.signals(.risk)
        requestSignals = builder.signals(.request)
    }

    public mutating func add(_ item: ReportItem) {
        dates[item.date, default: 0] += 1
        let week = item.week
        if let fixedWeek, week > fixedWeek || week < fixedWeek.adding(weeks: -(builder.options.windowWeeks - 1)) {
            outside += 1
            return
        }
        if tallies[week] == nil {
            tallies[week] = WeekTally(week: week)
            newWeek(week)
        }
        let isRisk = item.account != nil && item.signals.contains { riskSignals.contains($0.id) }
        let isRequest = isRequest(item)
        if full[week] != nil {
            tallies[week]!.add(item, isRisk: isRisk, entries: true)
            full[week]!.append(item.retained(issueFeatures: item.isDissatisfied || isRequest))
        } else {
            tallies[week]!.add(item, isRisk: isRisk, entries: false)
            if item.isDissatisfied || isRequest { compact[week, default: .init()].append(item, isRequest: isRequest, names: &names) }
        }
    }

    /// A week seen for the first time: it may be a candidate, and may end others' candidacy.
    private mutating func newWeek(_ week: ISOWeek) {
        let at = weeks.firstIndex { $0 > week } ?? weeks.count
        weeks.insert(week, at: at)
        let candidates = self.candidates()
        if candidates.contains(week) { full[week] = [] }
        for w in Array(full.keys) where !candidates.contains(w) { demote(w) }
    }

    /// Weeks that can still be the report week.
    private func candidates() -> Set<ISOWeek> {
        if let fixedWeek { return [fixedWeek] }
        var out = Set<ISOWeek>()
        for (i, w) in weeks.enumerated() {
            let isLastOfRun = i + 1 == weeks.count || w.adding(weeks: ReportBuilder.outlierGapWeeks) < weeks[i + 1]
            if isLastOfRun {
                out.insert(w)
                out.insert(w.adding(weeks: -1))
            }
        }
        return out
    }

    /// `week` can no longer be reported: its items are reduced to their issue features.
    private mutating func demote(_ week: ISOWeek) {
        guard let items = full.removeValue(forKey: week) else { return }
        for item in items where item.isDissatisfied || isRequest(item) {
            compact[week, default: .init()].append(item, isRequest: isRequest(item), names: &names)
        }
    }

    /// The item carries a feature-request signal.
    private func isRequest(_ item: ReportItem) -> Bool {
        item.signals.contains { requestSignals.contains($0.id) }
    }

    /// What `ReportBuilder.assemble` needs for `week` (default: the latest complete week of
    /// the dates); nil when no item has a date. Items outside the window are counted in
    /// `skipped["outside_period"]`.
    public func prepared(week: ISOWeek? = nil, recordsRead: Int, skipped: [String: Int]) -> ReportBuilder.Prepared? {
        guard let week = week ?? fixedWeek ?? ReportBuilder.latestCompleteWeek(counts: dates) else { return nil }
        let options = builder.options
        let first = week.adding(weeks: -(options.windowWeeks - 1))
        var skipped = skipped
        let outsidePeriod = outside + tallies.filter { $0.key < first || $0.key > week }.map(\.value.aggregate.total).reduce(0, +)
        if outsidePeriod > 0 { skipped["outside_period", default: 0] += outsidePeriod }
        let weekNames = (0..<options.windowWeeks).map { first.adding(weeks: $0).description }
        var aggregates: [String: WeekAggregate] = [:]
        for (w, tally) in tallies where w >= first && w <= week {
            aggregates[w.description] = tally.finished(termsKept: ReportBuilder.termsPerWeek)
        }
        let current = full[week] ?? []
        // Earlier weeks that could have been reported keep their items until now.
        var compact = self.compact, names = self.names
        for (w, items) in full where w >= first && w < week {
            for item in items where item.isDissatisfied || isRequest(item) {
                compact[w, default: .init()].append(item, isRequest: isRequest(item), names: &names)
            }
        }
        let earlier = compact.filter { $0.key >= first && $0.key < week }.sorted { $0.key < $1.key }
        let issues = builder.track(current.filter(\.isDissatisfied), earlier: earlier, names: names.names, requests: false, kind: "issue", week: week)
        let features = builder.track(
            current.filter(isRequest), earlier: earlier, names: names.names, requests: true, kind: "feature_request", week: week)
        for t in issues { for (w, n) in t.countsByWeek { aggregates[w]?.issues[t.id] = n } }
        for t in features { for (w, n) in t.countsByWeek { aggregates[w]?.featureRequests[t.id] = n } }
        return ReportBuilder.Prepared(
            week: week, weeks: weekNames, aggregates: aggregates, issues: issues, features: features,
            current: current, ruleHits: tallies[week]?.entries ?? [:], recordsRead: recordsRead, skipped: skipped)
    }
}
