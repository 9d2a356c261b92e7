/// Per-week figures, the header, volume by channel and the stance trend.
extension ReportBuilder {
    /// Terms kept per week for new-term detection.
    static let termsPerWeek = 300

    func header(_ p: Prepared, baseline: [ISOWeek]) -> WeeklyReport.Header {
        WeeklyReport.Header(
            week: p.week, periodStart: p.week.monday.description, periodEnd: p.week.sunday.description,
            sources: options.sources, recordsRead: p.recordsRead, recordsInWeek: p.aggregates[p.week]?.total ?? 0,
            skipped: p.skipped, baselineWeeks: baseline, lexiconVersion: lexicon.version, generator: options.generator)
    }

    func volume(_ p: Prepared, shownWeeks: [ISOWeek]) -> WeeklyReport.Volume {
        let this = p.aggregates[p.week] ?? WeekAggregate(week: p.week)
        let prev = p.aggregates[p.week.adding(weeks: -1)]
        let weeks = shownWeeks.map { w in
            let a = p.aggregates[w] ?? WeekAggregate(week: w)
            return WeeklyReport.WeekVolume(week: w, total: a.total, byChannel: a.byChannel)
        }
        let channels = Set(this.byChannel.keys).union(prev?.byChannel.keys ?? [:].keys)
        let rows = channels.map { c in
            WeeklyReport.ChannelRow(channel: c, count: this.byChannel[c, default: 0], previous: prev.map { $0.byChannel[c, default: 0] })
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.channel < $1.channel }
        return WeeklyReport.Volume(weeks: weeks, channels: rows, total: this.total, previousTotal: prev?.total)
    }

    func stanceTrend(_ p: Prepared, shownWeeks: [ISOWeek], baseline: [ISOWeek]) -> WeeklyReport.StanceTrend {
        let weeks = shownWeeks.map { w -> WeeklyReport.WeekStance in
            let a = p.aggregates[w] ?? WeekAggregate(week: w)
            return WeeklyReport.WeekStance(
                week: w, total: a.total, dissatisfaction: a.dissatisfied, success: a.succeeded,
                neutral: a.stances[.neutral, default: 0], mixed: a.stances[.mixed, default: 0])
        }
        let this = p.aggregates[p.week] ?? WeekAggregate(week: p.week)
        let prev = p.aggregates[p.week.adding(weeks: -1)]
        let shares = baseline.compactMap { p.aggregates[$0] }.filter { $0.total > 0 }.map { Double($0.dissatisfied) / Double($0.total) }
        return WeeklyReport.StanceTrend(
            weeks: weeks,
            dissatisfaction: .init(count: this.dissatisfied, total: this.total, previousCount: prev?.dissatisfied, previousTotal: prev?.total),
            success: .init(count: this.succeeded, total: this.total, previousCount: prev?.succeeded, previousTotal: prev?.total),
            baselineDissatisfactionShare: shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count))
    }
}
