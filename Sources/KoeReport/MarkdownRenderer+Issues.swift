import KoeKit

extension MarkdownRenderer {
    func topIssues(_ rows: [WeeklyReport.IssueRow]) -> [String] {
        guard !rows.isEmpty else { return [ReportText.none] }
        let total = ReportFacts.commonDenominator(rows)
        let tableRows = rows.enumerated().map { index, row in
            [String(index + 1), Markdown.cell(row.label), NumberText.count(row.count),
             Markdown.cell(ReportFacts.share(row.share)),
             Markdown.cell(ReportFacts.countDelta(row.count, previous: row.previous)),
             Markdown.cell(ReportFacts.share(row.dissatisfaction)),
             ReportFacts.blockSparkline(row.trend)]
        }
        var lines: [String] = []
        if let total {
            lines += [ReportText.issueDenominator(NumberText.items(total)), ""]
        }
        lines += Markdown.table(
            [ReportText.rank, ReportText.issue, ReportText.count, ReportText.share, ReportText.weekOverWeek,
             ReportText.dissatisfactionRate, ReportText.trend],
            [.right, .left, .right, .right, .right, .right, .left], tableRows)
        for (index, row) in rows.enumerated() {
            lines += ["", "### \(index + 1). " + Markdown.text(row.label), ""]
            lines.append(Markdown.text(ReportFacts.issueFacts(row).joined(separator: "・")))
            lines.append("")
            let terms = row.terms.isEmpty ? NumberText.missing : row.terms.map { Markdown.text($0) }.joined(separator: "、")
            lines.append("\(ReportText.terms): " + terms)
            lines.append("")
            lines.append("\(ReportText.trend): " + Markdown.text(row.trend.map(NumberText.count).joined(separator: " → ")))
            if !row.quotes.isEmpty { lines += [""] + Markdown.quotes(Array(row.quotes.prefix(3)), links: links) }
        }
        return lines
    }

    func emerging(_ emerging: WeeklyReport.Emerging, hasBaseline: Bool) -> [String] {
        var lines: [String] = []
        if let note = emerging.note {
            lines += ["※ " + Markdown.text(note), ""]
        } else if !hasBaseline {
            lines += ["※ " + ReportText.noBaseline, ""]
        }
        guard !emerging.issues.isEmpty || !emerging.newTerms.isEmpty else { return lines + [ReportText.none] }
        lines += ["### \(ReportText.emergingIssues)", ""]
        if emerging.issues.isEmpty {
            lines.append(ReportText.none)
        } else {
            let rows = emerging.issues.map { issue in
                [Markdown.cell(issue.label), Markdown.cell(DisplayLabels.emergingReason(issue.reason)),
                 NumberText.count(issue.count), ReportFacts.zScore(issue.zScore),
                 ReportFacts.baseline(mean: issue.baselineMean, sd: issue.baselineStandardDeviation)]
            }
            lines += Markdown.table(
                [ReportText.issue, ReportText.kind, ReportText.count, ReportText.zScore, ReportText.baselineMeanSD],
                [.left, .left, .right, .right, .right], rows)
            for issue in emerging.issues where !issue.quotes.isEmpty {
                lines += ["", "**" + Markdown.text(issue.label) + "**", ""]
                lines += Markdown.quotes(Array(issue.quotes.prefix(3)), links: links)
            }
        }
        lines += ["", "### \(ReportText.newTerms)", ""]
        if emerging.newTerms.isEmpty {
            lines.append(ReportText.none)
        } else {
            let rows = emerging.newTerms.map { term in
                [Markdown.cell(term.term), NumberText.count(term.count), NumberText.decimal(term.baselineMean, places: 1)]
            }
            lines += Markdown.table([ReportText.term, ReportText.thisWeek, ReportText.baselineMean + "（件/週）"],
                                    [.left, .right, .right], rows)
        }
        return lines
    }

    func featureRequests(_ rows: [WeeklyReport.IssueRow]) -> [String] {
        guard !rows.isEmpty else { return [ReportText.none] }
        let tableRows = rows.enumerated().map { index, row in
            [String(index + 1), Markdown.cell(row.label), NumberText.count(row.count),
             Markdown.cell(ReportFacts.countDelta(row.count, previous: row.previous)),
             ReportFacts.blockSparkline(row.trend),
             row.terms.isEmpty ? NumberText.missing : row.terms.map { Markdown.cell($0) }.joined(separator: "、")]
        }
        var lines = Markdown.table(
            [ReportText.rank, ReportText.request, ReportText.count, ReportText.weekOverWeek, ReportText.trend, ReportText.terms],
            [.right, .left, .right, .right, .left, .left], tableRows)
        for row in rows where !row.quotes.isEmpty {
            lines += ["", "**" + Markdown.text(row.label) + "**", ""]
            lines += Markdown.quotes(Array(row.quotes.prefix(2)), links: links)
        }
        return lines
    }
}
