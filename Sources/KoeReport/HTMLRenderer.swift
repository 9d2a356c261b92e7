import KoeKit

/// The weekly report as one self-contained HTML file: inline CSS and SVG charts, no scripts,
/// no external fonts or images, and no links but those to tickets (`--ticket-url`). A
/// Content-Security-Policy forbids any fetch or script as a second line of defence; all
/// report text is escaped.
public struct HTMLRenderer: ReportRenderer {
    /// Ticket ids in quote attributions become links when `links.ticket` is set.
    public var links: ReportLinks

    public init(links: ReportLinks = .none) { self.links = links }

    public func render(_ report: WeeklyReport) throws -> String {
        let labels = DisplayLabels(report: report)
        let title = ReportText.title(week: report.header.week)
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"ja\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<meta name=\"generator\" content=\"\(HTML.escape(report.header.generator))\">",
            "<title>\(HTML.escape(title))</title>",
            "<style>",
            HTMLStyle.css,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
            "<header class=\"report-title\">",
            "<h1>\(HTML.escape(title))</h1>",
            "<p class=\"subtitle\">\(HTML.escape(ReportFacts.period(report.header)))</p>",
            "</header>",
        ]
        for section in ReportSection.shown(in: report) {
            out.append("<section id=\"\(section.anchor)\">")
            out.append(HTML.heading(2, section.heading))
            out.append(body(of: section, report, labels))
            out.append("</section>")
        }
        out += ["</main>", "</body>", "</html>", ""]
        return out.joined(separator: "\n")
    }

    private func body(of section: ReportSection, _ report: WeeklyReport, _ labels: DisplayLabels) -> String {
        switch section {
        case .header: header(report.header)
        case .summary: summary(report)
        case .volume: volume(report.volume, week: report.header.week)
        case .stance: stance(report.stance, week: report.header.week, baselineWeeks: report.header.baselineWeeks.count)
        case .ratings: report.ratings.map(ratings) ?? ""
        case .topIssues: topIssues(report.topIssues)
        case .emerging: emerging(report.emerging, hasBaseline: !report.header.baselineWeeks.isEmpty)
        case .churnRisk: churnRisk(report.churnRisk, labels)
        case .effort: effort(report.effort)
        case .success: success(report.success)
        case .featureRequests: featureRequests(report.featureRequests)
        case .appendix: appendix(report.appendix)
        }
    }

    private func header(_ header: WeeklyReport.Header) -> String {
        let sources = header.sources.isEmpty ? NumberText.missing
            : header.sources.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: " ")
        let rows: [(String, String)] = [
            (ReportText.period, HTML.escape(ReportFacts.period(header))),
            (ReportText.sources, sources),
            (ReportText.records, HTML.escape(ReportFacts.recordCounts(header))),
            (ReportText.baseline, HTML.escape(ReportFacts.baselineWeeks(header.baselineWeeks))),
            (ReportText.lexiconVersion, HTML.escape(header.lexiconVersion)),
            (ReportText.generator, HTML.escape(header.generator)),
        ]
        return "<dl class=\"meta\">\n" + rows.map { "<dt>\(HTML.escape($0))</dt><dd>\($1)</dd>" }.joined(separator: "\n") + "\n</dl>"
    }

    private func summary(_ report: WeeklyReport) -> String {
        var out: [String] = []
        if let alert = report.topAlert {
            out.append("<p class=\"alert\">\(HTML.escape(ReportText.topAlert))：\(HTML.escape(alert))</p>")
        }
        if !report.summary.isEmpty {
            out.append("<ul>" + report.summary.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        } else if report.topAlert == nil {
            out.append(HTML.empty(ReportText.none))
        }
        out.append("<div class=\"kpis\">")
        for figure in SummaryFigures(report).figures {
            out.append("<div class=\"kpi\"><div class=\"label\">\(HTML.escape(figure.label))</div>"
                + "<div class=\"value\">\(HTML.delta(figure.value, direction: figure.direction, riseIsBad: figure.riseIsBad))</div>"
                + "<div class=\"detail\">\(HTML.escape(figure.detail))</div></div>")
        }
        out.append("</div>")
        return out.joined(separator: "\n")
    }

    private func volume(_ volume: WeeklyReport.Volume, week: ISOWeek) -> String {
        guard !volume.channels.isEmpty || volume.total > 0 else { return HTML.empty(ReportText.none) }
        var out: [String] = []
        if volume.weeks.contains(where: { $0.total > 0 }) {
            out.append("<div class=\"chart\">\(VolumeChart(volume: volume, reportWeek: week).svg())</div>")
            out.append("<p class=\"chart-caption\">\(HTML.escape(ReportText.volumeCaption(week: week)))</p>")
        }
        var rows = volume.channels.map { row in
            [HTML.escape(DisplayLabels.channel(row.channel)), NumberText.count(row.count),
             row.previous.map(NumberText.count) ?? NumberText.missing,
             HTML.escape(ReportFacts.countDelta(row.count, previous: row.previous))]
        }
        rows.append(["<strong>\(ReportText.total)</strong>", NumberText.count(volume.total),
                     volume.previousTotal.map(NumberText.count) ?? NumberText.missing,
                     HTML.escape(ReportFacts.countDelta(volume.total, previous: volume.previousTotal))])
        out.append(HTML.table([ReportText.channel, ReportText.thisWeek, ReportText.previousWeek, ReportText.change],
                              [.nowrap, .right, .right, .right], rows))
        if volume.previousTotal == nil { out.append(HTML.empty(ReportText.noPrevious)) }
        return out.joined(separator: "\n")
    }

    private func stance(_ stance: WeeklyReport.StanceTrend, week: ISOWeek, baselineWeeks: Int) -> String {
        guard stance.dissatisfaction.total > 0 || !stance.weeks.isEmpty else { return HTML.empty(ReportText.none) }
        var items = [
            (ReportText.dissatisfaction, stance.dissatisfaction, true),
            (ReportText.success, stance.success, false),
        ].map { label, rate, riseIsBad in
            "<li><strong>\(label)</strong> \(HTML.escape(ReportFacts.share(rate)))"
                + "（\(HTML.escape(ReportFacts.fraction(rate.count, of: rate.total)))、"
                + "\(ReportText.previousWeek) \(HTML.escape(rate.previousShare.map(NumberText.percent) ?? NumberText.missing))、"
                + "\(HTML.delta(ReportFacts.rateDelta(rate), direction: ReportFacts.rateDirection(rate), riseIsBad: riseIsBad))）</li>"
        }
        if let baseline = stance.baselineDissatisfactionShare {
            items.append("<li>\(HTML.escape(StanceFigures.baselineLine(stance, baseline: baseline, weeks: baselineWeeks)))</li>")
        }
        var out = ["<ul>" + items.joined() + "</ul>"]
        if stance.dissatisfaction.previousShare == nil { out.append(HTML.empty(ReportText.noPrevious)) }
        if stance.weeks.contains(where: { $0.total > 0 }) {
            out.append("<div class=\"chart\">\(StanceChart(stance: stance, reportWeek: week, baselineWeeks: baselineWeeks).svg())</div>")
            out.append("<p class=\"chart-caption\">\(HTML.escape(ReportText.stanceCaption))</p>")
        }
        let rows = stance.weeks.map { row in
            [HTML.escape(row.week.description), NumberText.count(row.total), NumberText.count(row.dissatisfaction), NumberText.count(row.success),
             NumberText.count(row.neutral), NumberText.count(row.mixed),
             StanceFigures.percent(row.dissatisfaction, of: row.total), StanceFigures.percent(row.success, of: row.total)]
        }
        if !rows.isEmpty {
            out.append(HTML.table(
                [ReportText.week, ReportText.count, ReportText.dissatisfaction, ReportText.success, ReportText.neutral,
                 ReportText.mixed, ReportText.dissatisfactionRate, ReportText.successRate],
                [.nowrap, .right, .right, .right, .right, .right, .right, .right], rows))
        }
        return out.joined(separator: "\n")
    }
}
