/// The figures of one ISO week, counted while the records stream past: what `WeekAggregate`
/// keeps, plus the full term counts and the set of risk accounts it is cut from. No ticket
/// text and no per-item data: a week that is not reported costs the same whatever its size.
struct WeekTally: Sendable {
    var aggregate: WeekAggregate
    /// Every content term of the week (ids of the input's `TermTable`) and its document
    /// frequency (the aggregate keeps the top few).
    private var terms = TermCounts()
    var riskAccounts: Set<String> = []
    /// Lexicon lines (`file:line`) that fired, per line: the appendix's rule hits.
    var entries: [String: Int] = [:]

    init(week: ISOWeek) {
        aggregate = WeekAggregate(week: week)
    }

    /// Counts one item of the week. `isRisk`: it carries a churn-risk signal; `entries`: count
    /// its lexicon lines too (only a week that can be reported needs them). `table`: the terms
    /// of every week.
    mutating func add(_ item: ReportItem, isRisk: Bool, entries countEntries: Bool, terms table: inout TermTable) {
        aggregate.total += 1
        aggregate.byChannel[item.channel, default: 0] += 1
        aggregate.stances[item.stance, default: 0] += 1
        if item.stance == .mixed {
            if item.dominant == .dissatisfaction { aggregate.mixedDissatisfaction += 1 } else { aggregate.mixedSuccess += 1 }
        }
        aggregate.ratings.add(item.rating)
        // Each signal once per item (an item has a few: no set is built).
        for (k, s) in item.signals.enumerated() where !item.signals[..<k].contains(where: { $0.id == s.id }) {
            aggregate.signals[s.id, default: 0] += 1
        }
        for id in table.ids(of: item.features.words) { terms.increment(id) }
        if isRisk, let account = item.account { riskAccounts.insert(account) }
        if countEntries { for e in item.entries { entries[e, default: 0] += 1 } }
    }

    /// The week as the report and the history keep it: the most frequent terms only.
    func finished(termsKept: Int, terms table: TermTable) -> WeekAggregate {
        var out = aggregate
        if !terms.isEmpty {
            let top = zip(terms.order.map(table.name), terms.counts.map(Int.init)).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(termsKept)
            out.terms = Dictionary(uniqueKeysWithValues: top.map { ($0.0, $0.1) })
        }
        out.riskAccounts = riskAccounts.sorted()
        return out
    }
}
