import KoeKit

/// The weekly report as Markdown for GitHub (Slack gets `SlackRenderer`'s digest): headings, pipe tables and blockquotes,
/// no HTML. All report text is escaped, so pasted ticket text cannot inject markup.
public struct MarkdownRenderer: ReportRenderer {
    /// Ticket ids in quote attributions become links when `links.ticket` is set.
    public var links: ReportLinks

    public init(links: ReportLinks = .none) { self.links = links }

    public func render(_ report: WeeklyReport) throws -> String {
        let labels = DisplayLabels(report: report)
        var lines = ["# " + Markdown.text(ReportText.title(week: report.header.week)), ""]
        for section in ReportSection.shown(in: report) {
            lines.append("## " + section.heading)
            lines.append("")
            lines += body(of: section, report, labels)
            lines.append("")
        }
        // Sections join blocks with blank lines; keep exactly one between blocks.
        let collapsed = lines.enumerated().filter { index, line in
            !(line.isEmpty && (index + 1 == lines.count || lines[index + 1].isEmpty))
        }.map(\.element)
        return collapsed.joined(separator: "\n") + "\n"
    }

    private func sources(_ sources: [String]) -> String {
        sources.isEmpty ? NumberText.missing : sources.map { Markdown.code($0) }.joined(separator: "、")
    }

    private func body(of section: ReportSection, _ report: WeeklyReport, _ labels: DisplayLabels) -> [String] {
        switch section {
        case .header: header(report.header)
        case .summary: summary(report)
        case .volume: volume(report.volume)
        case .stance: stance(report.stance, baselineWeeks: report.header.baselineWeeks.count)
        case .ratings: report.ratings.map(ratings) ?? []
        case .topIssues: topIssues(report.topIssues)
        case .emerging: emerging(report.emerging, hasBaseline: !report.header.baselineWeeks.isEmpty)
        case .churnRisk: churnRisk(report.churnRisk, labels)
        case .effort: effort(report.effort)
        case .success: success(report.success)
        case .featureRequests: featureRequests(report.featureRequests)
        case .appendix: appendix(report.appendix)
        }
    }

    private func header(_ header: WeeklyReport.Header) -> [String] {
        [
            "- \(ReportText.period): " + Markdown.text(ReportFacts.period(header)),
            "- \(ReportText.sources): " + sources(header.sources),
            "- \(ReportText.records): " + Markdown.text(ReportFacts.recordCounts(header)),
            "- \(ReportText.baseline): " + Markdown.text(ReportFacts.baselineWeeks(header.baselineWeeks)),
            "- \(ReportText.lexiconVersion): " + Markdown.text(header.lexiconVersion),
            "- \(ReportText.generator): " + Markdown.text(header.generator),
        ]
    }

    private func summary(_ report: WeeklyReport) -> [String] {
        var lines: [String] = []
        if let alert = report.topAlert {
            lines += ["> **\(ReportText.topAlert):** " + Markdown.text(alert), ""]
        }
        lines += report.summary.map { "- " + Markdown.text($0, atLineStart: true) }
        if report.topAlert == nil, report.summary.isEmpty { lines.append(ReportText.none) }
        lines.append("")
        lines.append("**\(ReportText.keyFigures)**")
        lines.append("")
        lines += SummaryFigures(report).lines.map { "- " + Markdown.text($0) }
        return lines
    }

    private func volume(_ volume: WeeklyReport.Volume) -> [String] {
        guard !volume.channels.isEmpty || volume.total > 0 else { return [ReportText.none] }
        let rows = volume.channels.map { row in
            [Markdown.cell(DisplayLabels.channel(row.channel)), NumberText.count(row.count),
             row.previous.map(NumberText.count) ?? NumberText.missing,
             Markdown.cell(ReportFacts.countDelta(row.count, previous: row.previous))]
        }
        let totalRow = ["**\(ReportText.total)**", "**\(NumberText.count(volume.total))**",
                        "**\(volume.previousTotal.map(NumberText.count) ?? NumberText.missing)**",
                        "**\(Markdown.cell(ReportFacts.countDelta(volume.total, previous: volume.previousTotal)))**"]
        var lines = Markdown.table(
            [ReportText.channel, ReportText.thisWeek, ReportText.previousWeek, ReportText.change],
            [.left, .right, .right, .right], rows + [totalRow])
        if volume.previousTotal == nil { lines += ["", ReportText.noPrevious] }
        guard volume.weeks.count > 1 else { return lines }
        // The same columns as the chart's series: the smallest channels fold into "other".
        let columns = ChannelOrder(volume).folded(limit: SVG.palette.count)
        let weekRows = volume.weeks.map { week in
            [Markdown.cell(week.week.description)]
                + columns.map { column in NumberText.count(column.channels.reduce(0) { $0 + (week.byChannel[$1] ?? 0) }) }
                + [NumberText.count(week.total)]
        }
        lines += ["", "### \(ReportText.weeklyHistory)", ""]
        lines += Markdown.table(
            [ReportText.week] + columns.map { Markdown.cell($0.name) } + [ReportText.total],
            [.left] + columns.map { _ in .right } + [.right], weekRows)
        return lines
    }

    private func stance(_ stance: WeeklyReport.StanceTrend, baselineWeeks: Int) -> [String] {
        guard stance.dissatisfaction.total > 0 || !stance.weeks.isEmpty else { return [ReportText.none] }
        var lines = [
            "- \(ReportText.dissatisfaction): " + Markdown.text(ReportFacts.rate(stance.dissatisfaction)),
            "- \(ReportText.success): " + Markdown.text(ReportFacts.rate(stance.success)),
        ]
        if let baseline = stance.baselineDissatisfactionShare {
            lines.append("- " + Markdown.text(StanceFigures.baselineLine(stance, baseline: baseline, weeks: baselineWeeks)))
        }
        if stance.dissatisfaction.previousShare == nil { lines += ["", ReportText.noPrevious] }
        guard !stance.weeks.isEmpty else { return lines }
        let rows = stance.weeks.map { week in
            [Markdown.cell(week.week.description), NumberText.count(week.total), NumberText.count(week.dissatisfaction),
             NumberText.count(week.success), NumberText.count(week.neutral), NumberText.count(week.mixed),
             StanceFigures.percent(week.dissatisfaction, of: week.total),
             StanceFigures.percent(week.success, of: week.total)]
        }
        lines += ["", "### \(ReportText.weeklyHistory)", ""]
        lines += Markdown.table(
            [ReportText.week, ReportText.count, ReportText.dissatisfaction, ReportText.success, ReportText.neutral,
             ReportText.mixed, ReportText.dissatisfactionRate, ReportText.successRate],
            [.left, .right, .right, .right, .right, .right, .right, .right], rows)
        return lines
    }
}
