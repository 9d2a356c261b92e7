import KoeKit

extension HTMLRenderer {
    func topIssues(_ rows: [WeeklyReport.IssueRow]) -> String {
        guard !rows.isEmpty else { return HTML.empty(ReportText.none) }
        let total = ReportFacts.commonDenominator(rows)
        var out: [String] = []
        if let total {
            out.append("<p class=\"note\">\(HTML.escape(ReportText.issueDenominator(NumberText.items(total))))</p>")
        }
        out.append("<div class=\"chart\">\(IssueBarChart(rows: rows).svg())</div>")
        let tableRows = rows.enumerated().map { index, row in
            [String(index + 1), HTML.escape(row.label), NumberText.count(row.count),
             HTML.escape(ReportFacts.share(row.share)),
             HTML.escape(ReportFacts.countDelta(row.count, previous: row.previous)),
             HTML.escape(ReportFacts.share(row.dissatisfaction)),
             Sparkline(values: row.trend).svg()]
        }
        out.append(HTML.table(
            [ReportText.rank, ReportText.issue, ReportText.count, ReportText.share, ReportText.weekOverWeek,
             ReportText.dissatisfactionRate, ReportText.trend],
            [.right, .prose, .right, .right, .right, .right, .nowrap], tableRows, wide: true))
        for (index, row) in rows.enumerated() {
            out.append("<div class=\"issue\">")
            out.append("<h3>\(index + 1). \(HTML.escape(row.label))</h3>")
            let facts = ReportFacts.issueFacts(row)
            out.append("<p class=\"facts\">\(facts.map(HTML.escape).joined(separator: "・"))</p>")
            if !row.terms.isEmpty {
                out.append("<p>\(ReportText.terms): \(row.terms.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: " "))</p>")
            }
            out.append(HTML.quotes(Array(row.quotes.prefix(3)), links: links))
            out.append("</div>")
        }
        return out.joined(separator: "\n")
    }

    func emerging(_ emerging: WeeklyReport.Emerging, hasBaseline: Bool) -> String {
        var out: [String] = []
        if let note = emerging.note {
            out.append("<p class=\"note\">※ \(HTML.escape(note))</p>")
        } else if !hasBaseline {
            out.append("<p class=\"note\">※ \(HTML.escape(ReportText.noBaseline))</p>")
        }
        guard !emerging.issues.isEmpty || !emerging.newTerms.isEmpty else {
            out.append(HTML.empty(ReportText.none))
            return out.joined(separator: "\n")
        }
        out.append(HTML.heading(3, ReportText.emergingIssues))
        if emerging.issues.isEmpty {
            out.append(HTML.empty(ReportText.none))
        } else {
            let rows = emerging.issues.map { issue in
                let tag = issue.reason == .new ? "tag new" : "tag"
                return [
                    HTML.escape(issue.label),
                    "<span class=\"\(tag)\">\(HTML.escape(DisplayLabels.emergingReason(issue.reason)))</span>",
                    NumberText.count(issue.count), HTML.escape(ReportFacts.zScore(issue.zScore)),
                    HTML.escape(ReportFacts.baseline(mean: issue.baselineMean, sd: issue.baselineStandardDeviation)),
                ]
            }
            out.append(HTML.table(
                [ReportText.issue, ReportText.kind, ReportText.count, ReportText.zScore, ReportText.baselineMeanSD],
                [.left, .left, .right, .right, .right], rows))
            for issue in emerging.issues where !issue.quotes.isEmpty {
                out.append("<p><strong>\(HTML.escape(issue.label))</strong></p>")
                out.append(HTML.quotes(Array(issue.quotes.prefix(3)), links: links))
            }
        }
        out.append(HTML.heading(3, ReportText.newTerms))
        if emerging.newTerms.isEmpty {
            out.append(HTML.empty(ReportText.none))
        } else {
            let rows = emerging.newTerms.map { term in
                [HTML.escape(term.term), NumberText.count(term.count), NumberText.decimal(term.baselineMean, places: 1)]
            }
            out.append(HTML.table([ReportText.term, ReportText.thisWeek, ReportText.baselineMean + "（件/週）"],
                                  [.left, .right, .right], rows))
        }
        return out.joined(separator: "\n")
    }

    func featureRequests(_ rows: [WeeklyReport.IssueRow]) -> String {
        guard !rows.isEmpty else { return HTML.empty(ReportText.none) }
        let tableRows = rows.enumerated().map { index, row in
            [String(index + 1), HTML.escape(row.label), NumberText.count(row.count),
             HTML.escape(ReportFacts.countDelta(row.count, previous: row.previous)),
             Sparkline(values: row.trend).svg(),
             row.terms.isEmpty ? NumberText.missing : row.terms.map(HTML.escape).joined(separator: "、")]
        }
        var out = [HTML.table(
            [ReportText.rank, ReportText.request, ReportText.count, ReportText.weekOverWeek, ReportText.trend, ReportText.terms],
            [.right, .prose, .right, .right, .nowrap, .left], tableRows, wide: true)]
        for row in rows where !row.quotes.isEmpty {
            out.append("<p><strong>\(HTML.escape(row.label))</strong></p>")
            out.append(HTML.quotes(Array(row.quotes.prefix(2)), links: links))
        }
        return out.joined(separator: "\n")
    }
}
