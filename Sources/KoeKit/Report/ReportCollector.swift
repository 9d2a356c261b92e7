import Dispatch

/// Collects classified items for the report as they stream in, keeping per-item data only
/// where the report needs it, so memory is bounded by the report week, not by the input:
/// - every week: counts (`WeekTally`: volume, stances, signals, terms, risk accounts);
/// - weeks that can still be the report week: the items that are grouped or quoted (and a
///   sample of unclassified ones for the appendix);
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
    /// Signals of the sections that quote tickets (churn risk, effort, success): an item of
    /// the report week with none of them, not grouped and not sampled, is only counted.
    private let quotedSignals: Set<String>

    /// Tokyo creation dates of the items and how many items have each.
    public private(set) var dates: [CivilDate: Int] = [:]
    /// Every rating read, whatever its week (`RatingScale.detect`).
    private var ratings = RatingCounts()
    private var tallies: [ISOWeek: WeekTally] = [:]
    /// The terms the tallies count, of every week.
    private var terms = TermTable()
    private var full: [ISOWeek: [ReportItem]] = [:]
    /// Per week kept whole: the first items by key that no lexicon line matched (the
    /// appendix's sample of unclassified tickets), at most `unclassifiedSample`.
    private var unclassified: [ISOWeek: [ReportItem]] = [:]
    static let unclassifiedSample = 10
    private var compact: [ISOWeek: CompactIssueItems] = [:]
    /// Per week kept whole: its items' texts, signals and problem phrases, each stored once
    /// (see `KeptContent`).
    private var kept: [ISOWeek: KeptContent] = [:]
    private var sets = FeatureSets()
    /// Items of weeks that cannot be in the report's window (fixed week only).
    private var outside = 0
    /// Weeks that have items, sorted: the candidates are found from them.
    private var weeks: [ISOWeek] = []

    public init(builder: ReportBuilder) {
        self.builder = builder
        fixedWeek = builder.options.week
        riskSignals = builder.signals(.risk)
        requestSignals = builder.signals(.request)
        quotedSignals = [ReportRole.risk, .effort, .shoutout, .outcome, .caseStudy, .expansion].reduce(into: []) {
            $0.formUnion(builder.signals($1))
        }
    }

    public mutating func add(_ item: ReportItem) {
        dates[item.date, default: 0] += 1
        ratings.add(item.rating)
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
        let grouped = item.isDissatisfied || isRequest
        if full[week] != nil {
            tallies[week]!.add(item, isRisk: isRisk, entries: true, terms: &terms)
            if !item.matchedLexicon && item.stance == .neutral {
                sample(item.retained(issueFeatures: false), week: week)
            } else if grouped || item.signals.contains(where: { quotedSignals.contains($0.id) }) {
                var kept = item.retained(issueFeatures: grouped)
                if grouped {
                    kept.featureSet = sets.id(item.features.weights)
                    kept.features.weights = FeatureWeights()
                }
                self.kept[week, default: .init()].share(&kept)
                full[week]!.append(kept)
            }
        } else {
            tallies[week]!.add(item, isRisk: isRisk, entries: false, terms: &terms)
            if grouped { compact[week, default: .init()].append(item, isRequest: isRequest, set: sets.id(item.features.weights)) }
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

    /// Keeps `item` if it is among the first `unclassifiedSample` by key (equal keys in input order).
    private mutating func sample(_ item: ReportItem, week: ISOWeek) {
        var list = unclassified.removeValue(forKey: week) ?? []
        let at = list.firstIndex { $0.key > item.key } ?? list.count
        if at < Self.unclassifiedSample {
            list.insert(item, at: at)
            if list.count > Self.unclassifiedSample { list.removeLast() }
        }
        unclassified[week] = list
    }

    /// `week` can no longer be reported: its items are reduced to their issue features.
    private mutating func demote(_ week: ISOWeek) {
        unclassified[week] = nil
        kept[week] = nil
        guard let items = full.removeValue(forKey: week) else { return }
        for item in items {
            if let set = item.featureSet { compact[week, default: .init()].append(item, isRequest: isRequest(item), set: set) }
        }
    }

    /// The item carries a feature-request signal.
    private func isRequest(_ item: ReportItem) -> Bool {
        item.signals.contains { requestSignals.contains($0.id) }
    }

    /// What `ReportBuilder.assemble` needs for `week` (default: the latest complete week of
    /// the dates); nil when no item has a date. Items outside the window are counted in
    /// `skipped["outside_period"]`.
    /// Mutating only to move the items of earlier weeks it kept whole into their compact
    /// form: call it once, at the end.
    public mutating func prepared(week: ISOWeek? = nil, recordsRead: Int, skipped: [String: Int]) -> ReportBuilder.Prepared? {
        guard let week = week ?? fixedWeek ?? ReportBuilder.latestCompleteWeek(counts: dates) else { return nil }
        let options = builder.options
        let first = week.adding(weeks: -(options.windowWeeks - 1))
        var skipped = skipped
        let outsidePeriod = outside + tallies.filter { $0.key < first || $0.key > week }.map(\.value.aggregate.total).reduce(0, +)
        if outsidePeriod > 0 { skipped["outside_period", default: 0] += outsidePeriod }
        let weeks = (0..<options.windowWeeks).map { first.adding(weeks: $0) }
        var aggregates: [ISOWeek: WeekAggregate] = [:]
        for (w, tally) in tallies where w >= first && w <= week {
            aggregates[w] = tally.finished(termsKept: ReportBuilder.termsPerWeek, terms: terms)
        }
        // The report week's items get their issue features back, equal sets sharing storage.
        // (In place: the week's items are not copied.)
        var restored: [Int32: FeatureWeights] = [:]
        var names: [Int32: String] = [:]
        var current = full.removeValue(forKey: week) ?? []
        for k in current.indices {
            guard let set = current[k].featureSet else { continue }
            if restored[set] == nil { restored[set] = sets.weights(of: set, names: &names) }
            current[k].features.weights = restored[set]!
            current[k].featureSet = nil
        }
        current += unclassified.removeValue(forKey: week) ?? []
        kept = [:]
        // Earlier weeks that could have been reported keep their items until now.
        for w in Array(full.keys) where w != week { demote(w) }
        let earlier = compact.filter { $0.key >= first && $0.key < week }.sorted { $0.key < $1.key }
        // The two groupings are independent: on two cores they run side by side (the rest of
        // the report waits for both).
        // Each grouping takes its items by index: the week's items are not copied.
        let builder = builder, sets = sets, all = current
        let groups = [current.indices.filter { current[$0].isDissatisfied }, current.indices.filter { isRequest(current[$0]) }]
        let tracks = UnsafeMutablePointer<[IssueTrack]>.allocate(capacity: 2)
        defer { tracks.deallocate() }
        nonisolated(unsafe) let out = tracks
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            (out + k).initialize(to: builder.track(
                all, groups[k], earlier: earlier, sets: sets, requests: k == 1, kind: k == 1 ? .featureRequest : .issue, week: week))
        }
        let issues = tracks[0], features = tracks[1]
        tracks.deinitialize(count: 2)
        for t in issues { for (w, n) in t.countsByWeek { aggregates[w]?.issues[t.id] = n } }
        for t in features { for (w, n) in t.countsByWeek { aggregates[w]?.featureRequests[t.id] = n } }
        return ReportBuilder.Prepared(
            week: week, weeks: weeks, aggregates: aggregates, issues: issues, features: features,
            current: current, ruleHits: tallies[week]?.entries ?? [:], recordsRead: recordsRead, skipped: skipped,
            ratings: ratings)
    }
}
