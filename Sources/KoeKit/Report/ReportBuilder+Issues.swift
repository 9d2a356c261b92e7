/// Recurring issues: clustering, per-week tracks, the top-issue table and emerging issues.
extension ReportBuilder {
    func track(_ items: [ReportItem], kind: String, week: ISOWeek) -> [IssueTrack] {
        let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let clusters = IssueClusterer().cluster(items.map { ClusterItem(key: $0.key, terms: $0.terms, text: $0.text) })
        let this = week.description
        return clusters.map { c in
            var counts: [String: Int] = [:]
            var dissatisfied = 0
            var members: [String] = []
            for key in c.members {
                guard let item = byKey[key] else { continue }
                counts[item.week.description, default: 0] += 1
                if item.week == week {
                    members.append(key)
                    if item.isDissatisfied { dissatisfied += 1 }
                }
            }
            let prefix = kind == "issue" ? "c" : "f"
            return IssueTrack(
                id: prefix + c.id.dropFirst(), kind: kind, cluster: c, countsByWeek: counts,
                dissatisfiedThisWeek: dissatisfied, firstSeen: counts.keys.min() ?? this,
                weeksActive: counts.count, membersThisWeek: members)
        }
    }

    func issueRows(_ tracks: [IssueTrack], p: Prepared, shownWeeks: [String], denominator: Int) -> [WeeklyReport.IssueRow] {
        let this = p.week.description, previous = p.week.adding(weeks: -1).description
        let hasPrevious = p.aggregates[previous] != nil
        let current = tracks.filter { $0.count(in: this) > 0 }
            .sorted { ($1.count(in: this), $0.id) < ($0.count(in: this), $1.id) }
        let quotes = quotesByKey(p.current)
        return current.prefix(10).map { t in
            let n = t.count(in: this)
            return WeeklyReport.IssueRow(
                id: t.id, label: masked(t.cluster.label),
                terms: t.cluster.terms.filter { !$0.contains(":") }.prefix(5).map(masked),
                count: n, share: denominator > 0 ? Double(n) / Double(denominator) : 0,
                previous: hasPrevious ? t.count(in: previous) : nil,
                dissatisfactionRate: n > 0 ? Double(t.dissatisfiedThisWeek) / Double(n) : 0,
                trend: shownWeeks.map { t.count(in: $0) }, firstSeen: t.firstSeen, weeksActive: t.weeksActive,
                quotes: representativeQuotes(t, quotes))
        }
    }

    /// Up to three quotes of the report week, closest to the cluster's centre first.
    private func representativeQuotes(_ t: IssueTrack, _ quotes: [String: ReportItem]) -> [WeeklyReport.Quote] {
        let this = Set(t.membersThisWeek)
        let central = t.cluster.quoteKeys.filter { this.contains($0) }
        let keys = central.isEmpty ? Array(t.membersThisWeek.sorted().prefix(3)) : central
        return keys.prefix(3).compactMap { quotes[$0].map(quote) }
    }

    /// Labels and terms come from ticket words: mask them like quotes.
    func masked(_ text: String) -> String { options.maskPII ? masker.mask(text) : text }

    func quotesByKey(_ items: [ReportItem]) -> [String: ReportItem] {
        Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func emergingSection(_ p: Prepared, baseline: [String]) -> WeeklyReport.Emerging {
        let this = p.week.description
        let quotes = quotesByKey(p.current)
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
                zScore: isNew ? nil : z, reason: isNew ? "new" : "spike", quotes: representativeQuotes(t, quotes)))
        }
        rows.sort { a, b in
            if a.reason != b.reason { return a.reason == "new" }
            return a.count != b.count ? a.count > b.count : a.id < b.id
        }
        let note = baseline.isEmpty ? "比較できる過去の週がないため、新たな兆候は判定できません。" : nil
        return WeeklyReport.Emerging(issues: rows, newTerms: newTerms(p, baseline: baseline), note: note)
    }

    /// Terms at least five times this week and three times their baseline rate.
    private func newTerms(_ p: Prepared, baseline: [String]) -> [WeeklyReport.TermRow] {
        guard !baseline.isEmpty, let this = p.aggregates[p.week.description] else { return [] }
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
