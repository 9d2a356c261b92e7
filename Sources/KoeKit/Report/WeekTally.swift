/// The figures of one ISO week, counted while the records stream past: what `WeekAggregate`
/// keeps, plus the full term counts and the set of risk accounts it is cut from. No ticket
/// text and no per-item data: a week that is not reported costs the same whatever its size.
struct WeekTally: Sendable {
    var aggregate: WeekAggregate
    /// Document frequency of every content term of the week (the aggregate keeps the top
    /// few), the terms told apart by their bytes (normalised words: see `ByteKey`).
    var terms: [ByteKey: Int] = [:]
    var riskAccounts: Set<String> = []
    /// Lexicon lines (`file:line`) that fired, per line: the appendix's rule hits.
    var entries: [String: Int] = [:]

    init(week: ISOWeek) {
        aggregate = WeekAggregate(week: week.description)
    }

    /// Counts one item of the week. `isRisk`: it carries a churn-risk signal; `entries`: count
    /// its lexicon lines too (only a week that can be reported needs them).
    mutating func add(_ item: ReportItem, isRisk: Bool, entries countEntries: Bool) {
        aggregate.total += 1
        aggregate.byChannel[item.channel, default: 0] += 1
        aggregate.stances[item.stance.rawValue, default: 0] += 1
        if item.stance == .mixed {
            if item.dominant == .dissatisfaction { aggregate.mixedDissatisfaction += 1 } else { aggregate.mixedSuccess += 1 }
        }
        aggregate.ratings.add(item.rating)
        for s in Set(item.signals.map(\.id)) { aggregate.signals[s, default: 0] += 1 }
        for t in Set(item.features.words.lazy.map(ByteKey.init)) { terms[t, default: 0] += 1 }
        if isRisk, let account = item.account { riskAccounts.insert(account) }
        if countEntries { for e in item.entries { entries[e, default: 0] += 1 } }
    }

    /// The week as the report and the history keep it: the most frequent terms only.
    func finished(termsKept: Int) -> WeekAggregate {
        var out = aggregate
        if !terms.isEmpty {
            let top = terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.string < $1.key.string }.prefix(termsKept)
            out.terms = Dictionary(uniqueKeysWithValues: top.map { ($0.key.string, $0.value) })
        }
        out.riskAccounts = riskAccounts.sorted()
        return out
    }
}
