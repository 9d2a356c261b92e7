/// Turns classified items into the weekly report. Two steps, so the CLI can put history in
/// between: `prepare` clusters issues and aggregates the weeks found in the data;
/// `assemble` writes the report from prepared data (with history merged in, if any).
public struct ReportBuilder: Sendable {
    public let options: ReportOptions
    let lexicon: ReportLexicon
    let masker = PIIMasker()
    /// Signal ids per report section, from the lexicon's `report` column.
    let roles: [ReportRole: Set<String>]

    public init(options: ReportOptions, lexicon: Lexicon) {
        self.init(options: options, lexicon: ReportLexicon(lexicon))
    }

    /// From the compiled lexicon: a lexicon read from the cache is not parsed again.
    public init(options: ReportOptions, lexicon: CompiledLexicon) {
        self.init(options: options, lexicon: lexicon.reportLexicon)
    }

    public init(options: ReportOptions, lexicon: ReportLexicon) {
        self.options = options
        self.lexicon = lexicon
        var roles: [ReportRole: Set<String>] = [:]
        for signal in lexicon.signals.values {
            for role in signal.report ?? [] { roles[role, default: []].insert(signal.id) }
        }
        self.roles = roles
    }

    /// The signals that feed `role`'s section.
    func signals(_ role: ReportRole) -> Set<String> { roles[role] ?? [] }

    /// The signals that make an item grouped besides dissatisfaction (feature requests):
    /// `Classifier.reportItem(for:grouping:)` gives other items only words.
    public var groupingSignals: Set<String> { signals(.request) }

    /// Everything `assemble` needs; public so the history store can read and amend it.
    public struct Prepared: Sendable {
        public var week: ISOWeek
        /// Oldest first, report week last, consecutive.
        public var weeks: [ISOWeek]
        /// Per week: from the data, or from history for weeks the data lacks.
        public var aggregates: [ISOWeek: WeekAggregate]
        public var issues: [IssueTrack]
        public var features: [IssueTrack]
        /// The report week's items that a section groups or quotes (all are counted in
        /// `aggregates`): dissatisfied and feature-request items, items with a signal of a
        /// quoting section, and the appendix's sample of unclassified items.
        public var current: [ReportItem]
        /// Lexicon lines (`file:line`) that fired in the report week, with their item counts.
        public var ruleHits: [String: Int]
        public var recordsRead: Int
        public var skipped: [String: Int]
        /// Every rating of the input (all weeks): the scale is detected from them.
        public var ratings = RatingCounts()
    }

    /// Prepares `all` at once (tests, small inputs): the same path as a stream of items
    /// through `ReportCollector`.
    public func prepare(items all: [ReportItem], recordsRead: Int, skipped: [String: Int]) -> Prepared? {
        var collector = ReportCollector(builder: self)
        for item in all { collector.add(item) }
        return collector.prepared(recordsRead: recordsRead, skipped: skipped)
    }

    /// The latest week whose Sunday the data reaches: a week the data stops inside is
    /// incomplete, so the week before it is reported (unless the data has nothing earlier).
    static func latestCompleteWeek(_ dates: [CivilDate]) -> ISOWeek? {
        latestCompleteWeek(counts: Dictionary(dates.map { ($0, 1) }, uniquingKeysWith: +))
    }

    /// `latestCompleteWeek` of dates given with how many items have each.
    static func latestCompleteWeek(counts: [CivilDate: Int]) -> ISOWeek? {
        guard let last = counts.keys.max() else { return nil }
        let week = ISOWeek(containing: last)
        if last.weekday == 7 { return week }
        let earlier = week.adding(weeks: -1)
        return counts.keys.contains { ISOWeek(containing: $0) == earlier } ? earlier : week
    }

    public func assemble(_ p: Prepared) -> WeeklyReport {
        let agg = p.aggregates[p.week] ?? WeekAggregate(week: p.week)
        let prev = p.aggregates[p.week.adding(weeks: -1)]
        let shownWeeks = Array(p.weeks.drop { p.aggregates[$0] == nil })
        let baseline = Array(shownWeeks.dropLast().suffix(options.baselineWeeks))
        let topIssues = issueRows(p.issues, p: p, shownWeeks: shownWeeks, denominator: agg.dissatisfied)
        let emerging = emergingSection(p, baseline: baseline)
        var report = WeeklyReport(
            header: header(p, baseline: baseline),
            summary: [], topAlert: nil,
            volume: volume(p, shownWeeks: shownWeeks),
            stance: stanceTrend(p, shownWeeks: shownWeeks, baseline: baseline),
            topIssues: topIssues,
            emerging: emerging,
            churnRisk: churnRisk(p),
            effort: effort(p, agg: agg, prev: prev),
            success: success(p, agg: agg, prev: prev),
            featureRequests: issueRows(p.features, p: p, shownWeeks: shownWeeks, denominator: requestItems(p)),
            appendix: appendix(p, agg: agg, prev: prev))
        report.ratings = ratings(p, shownWeeks: shownWeeks, topIssues: topIssues)
        (report.summary, report.topAlert) = summary(report)
        return report
    }

    /// `text`: the part of the item to quote (default: all of it).
    func quote(_ item: ReportItem, text: String? = nil) -> WeeklyReport.Quote {
        let text = options.maskPII ? masker.mask(text ?? item.text) : text ?? item.text
        return WeeklyReport.Quote(
            id: item.key, text: PIIMasker.shorten(text, maxCharacters: options.quoteLength), account: item.account.map(shown(account:)))
    }

    /// An account id as the report shows it: `account_id` / `customer_id` is often the
    /// requester's e-mail address, so it is masked like quotes (`PIIMasker.maskIdentifier`).
    func shown(account: String) -> String { options.maskPII ? masker.maskIdentifier(account) : account }
}
