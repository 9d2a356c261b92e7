/// Recurring issues: clustering, per-week tracks, the top-issue table and emerging issues.
extension ReportBuilder {
    /// Groups the report week's items `this` (indices of `items`) into issues, then matches the
    /// kept items of earlier weeks (dissatisfied ones for issues, feature requests with
    /// `requests`) to them for counts and trends: the report week's issues are the same whether
    /// the input holds one week or many, and issues of earlier weeks alone are not current.
    func track(
        _ items: [ReportItem], _ this: [Int], earlier: [(key: ISOWeek, value: CompactIssueItems)], sets: FeatureSets,
        requests: Bool, kind: IssueKind, week: ISOWeek
    ) -> [IssueTrack] {
        let grouping = IssueClusterer().group(this.map { ClusterItem(key: items[$0].key, features: items[$0].features, text: items[$0].text) })
        var counts = [[ISOWeek: Int]](repeating: [:], count: grouping.clusters.count)
        var members = [[ISOWeek: [String]]](repeating: [:], count: grouping.clusters.count)
        for (i, c) in grouping.clusters.enumerated() {
            counts[i][week] = c.size
            members[i][week] = c.members
        }
        var index = IssueMatchIndex(grouping, sets: sets)
        index.matchAll(earlier.flatMap { $0.value.items.lazy.filter { requests ? $0.isRequest : $0.isDissatisfied }.map(\.features) }, in: sets)
        for (w, items) in earlier {
            for item in items.items where requests ? item.isRequest : item.isDissatisfied {
                if let i = index.match(item.features, in: sets) {
                    counts[i][w, default: 0] += 1
                    members[i][w, default: []].append(item.key)
                }
            }
        }
        let isDissatisfied = Dictionary(this.map { (items[$0].key, items[$0].isDissatisfied) }, uniquingKeysWith: { a, _ in a })
        let prefix = kind == .issue ? "c" : "f"
        return grouping.clusters.enumerated().map { i, c in
            let dissatisfied = c.members.filter { isDissatisfied[$0] == true }.count
            return IssueTrack(
                id: prefix + c.id.dropFirst(), kind: kind, cluster: c, countsByWeek: counts[i],
                dissatisfiedThisWeek: dissatisfied, firstSeen: counts[i].keys.min() ?? week,
                weeksActive: counts[i].count, membersByWeek: members[i])
        }
    }

    func issueRows(_ tracks: [IssueTrack], p: Prepared, shownWeeks: [ISOWeek], denominator: Int) -> [WeeklyReport.IssueRow] {
        let this = p.week, previous = p.week.adding(weeks: -1)
        let hasPrevious = p.aggregates[previous] != nil
        let current = tracks.filter { $0.count(in: this) > 0 }
            .sorted { a, b in
                a.count(in: this) != b.count(in: this) ? a.count(in: this) > b.count(in: this) : issueIDPrecedes(a.id, b.id)
            }
        let shown = current.prefix(10)
        let quotes = quotesByKey(p.current, keys: shown.flatMap(\.cluster.quoteKeys))
        return shown.map { t in
            let n = t.count(in: this)
            return WeeklyReport.IssueRow(
                id: t.id, label: masked(t.cluster.label),
                terms: t.cluster.terms.filter { !$0.contains(":") }.prefix(5).map(masked),
                count: n, share: .init(count: n, total: denominator),
                previous: hasPrevious ? t.count(in: previous) : nil,
                dissatisfaction: .init(count: t.dissatisfiedThisWeek, total: n),
                trend: shownWeeks.map { t.count(in: $0) }, firstSeen: t.firstSeen, weeksActive: t.weeksActive,
                quotes: representativeQuotes(t, quotes))
        }
    }

    /// Up to three quotes of the report week, closest to the cluster's centre first, each cut
    /// around the sentence that carries the issue.
    private func representativeQuotes(_ t: IssueTrack, _ quotes: [String: ReportItem]) -> [WeeklyReport.Quote] {
        zip(t.cluster.quoteKeys, t.cluster.quotes).prefix(3).compactMap { key, text in
            quotes[key].map { quote($0, text: text) }
        }
    }

    /// Labels and terms come from ticket words: mask them like quotes.
    func masked(_ text: String) -> String { options.maskPII ? masker.mask(text) : text }

    /// The first item with each of `keys` (only those: a dictionary of the whole week would
    /// hold every item's copy while the report is assembled).
    func quotesByKey(_ items: [ReportItem], keys: [String]) -> [String: ReportItem] {
        let wanted = Set(keys)
        var out: [String: ReportItem] = [:]
        for item in items where wanted.contains(item.key) && out[item.key] == nil { out[item.key] = item }
        return out
    }

    func emergingSection(_ p: Prepared, baseline: [ISOWeek]) -> WeeklyReport.Emerging {
        let this = p.week
        let quotes = quotesByKey(p.current, keys: p.issues.flatMap(\.cluster.quoteKeys))
        var rows: [WeeklyReport.EmergingIssue] = []
        for t in p.issues {
            let n = t.count(in: this)
            let history = baseline.map { t.count(in: $0) }
            let mean = history.isEmpty ? 0 : Double(history.reduce(0, +)) / Double(history.count)
            let variance = history.isEmpty ? 0 : history.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / Double(history.count)
            let sd = variance.squareRoot()
            let isNew = t.firstSeen == this && !baseline.isEmpty && n >= options.newIssueMinimum
            let z = (Double(n) - mean) / max(sd, 1, mean.squareRoot())
            let isSpike = !isNew && !baseline.isEmpty && n >= options.spikeMinimum && z >= options.spikeZ
            guard isNew || isSpike else { continue }
            rows.append(WeeklyReport.EmergingIssue(
                id: t.id, label: masked(t.cluster.label), count: n, baselineMean: mean, baselineStandardDeviation: sd,
                zScore: isNew ? nil : z, reason: isNew ? .new : .spike, quotes: representativeQuotes(t, quotes)))
        }
        rows.sort { a, b in
            if a.reason != b.reason { return a.reason == .new }
            return a.count != b.count ? a.count > b.count : issueIDPrecedes(a.id, b.id)
        }
        let note = baseline.isEmpty ? "比較できる過去の週がないため、新たな兆候は判定できません。" : nil
        return WeeklyReport.Emerging(issues: rows, newTerms: newTerms(p, baseline: baseline), note: note)
    }

    /// Terms at least five times this week and three times their baseline rate.
    private func newTerms(_ p: Prepared, baseline: [ISOWeek]) -> [WeeklyReport.TermRow] {
        guard !baseline.isEmpty, let this = p.aggregates[p.week] else { return [] }
        let past = baseline.compactMap { p.aggregates[$0] }
        return this.terms.compactMap { term, n -> WeeklyReport.TermRow? in
            let mean = Double(past.map { $0.terms[term, default: 0] }.reduce(0, +)) / Double(max(past.count, 1))
            guard n >= 5, Double(n) >= 3 * (mean + 1) else { return nil }
            return WeeklyReport.TermRow(term: term, count: n, baselineMean: mean)
        }.sorted { a, b in
            let ra = Double(a.count) / (a.baselineMean + 1), rb = Double(b.count) / (b.baselineMean + 1)
            return ra != rb ? ra > rb : a.term < b.term
        }.prefix(10).map { $0 }
    }
}
