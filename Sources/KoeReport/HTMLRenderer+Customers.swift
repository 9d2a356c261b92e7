import KoeKit

extension HTMLRenderer {
    func churnRisk(_ accounts: [WeeklyReport.AccountRisk], _ labels: DisplayLabels) -> String {
        guard !accounts.isEmpty else { return HTML.empty(ReportText.none) }
        let conditional = accounts.filter(\.conditional).count
        let rows = accounts.map { risk in
            [HTML.escape(risk.account), HTML.escape(risk.plan ?? NumberText.missing),
             risk.signals.map { HTML.escape(labels.signal($0)) }.joined(separator: "、"),
             risk.conditional ? "<span class=\"tag\">\(ReportText.conditional)</span>" : "",
             NumberText.count(risk.tickets),
             ReportFacts.previousRiskWeeks(risk.previousWeeksWithRisk),
             HTML.quote(risk.quote, links: links)]
        }
        return [
            "<p>\(HTML.escape(ReportText.accountCount(NumberText.count(accounts.count), conditional: NumberText.items(conditional))))</p>",
            HTML.table(
                [ReportText.account, ReportText.plan, ReportText.signals, ReportText.conditional,
                 ReportText.ticketsThisWeek, ReportText.previousRiskWeeks, ReportText.evidence],
                [.nowrap, .nowrap, .left, .nowrap, .right, .right, .prose], rows, wide: true),
            "<p class=\"note\">※ \(HTML.escape(ReportText.conditionalNote))</p>",
        ].joined(separator: "\n")
    }

    func effort(_ effort: WeeklyReport.EffortQuality) -> String {
        let figures = EffortFigures(effort)
        let rows = figures.metrics.map { label, rate in
            [HTML.escape(label), HTML.escape(EffortFigures.current(rate)),
             rate.previousShare.map(NumberText.percent) ?? NumberText.missing,
             HTML.delta(ReportFacts.rateDelta(rate), direction: ReportFacts.rateDirection(rate), riseIsBad: true)]
        }
        var out = [HTML.table([ReportText.metric, ReportText.rate, ReportText.previousWeek, ReportText.change],
                              [.left, .right, .right, .right], rows)]
        if !figures.hasPrevious { out.append(HTML.empty(ReportText.noPrevious)) }
        out.append(HTML.heading(3, ReportText.resolutionQuality))
        out.append("<ul>" + figures.resolutionLines.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        out.append("<p class=\"note\">※ \(HTML.escape(ReportText.subsidedExplanation))</p>")
        if !effort.quotes.isEmpty {
            out.append(HTML.heading(3, ReportText.effortQuotes))
            out.append(HTML.quotes(effort.quotes, links: links))
        }
        return out.joined(separator: "\n")
    }

    func success(_ success: WeeklyReport.SuccessSection) -> String {
        var out = ["<p><strong>\(ReportText.praise)</strong> \(HTML.escape(ReportFacts.rate(success.praise)))</p>"]
        for (heading, quotes) in success.quoteGroups {
            out.append(HTML.heading(3, heading))
            out.append(HTML.quotes(quotes, links: links))
        }
        return out.joined(separator: "\n")
    }

    func appendix(_ appendix: WeeklyReport.Appendix) -> String {
        var out = [HTML.heading(3, ReportText.method)]
        out.append(appendix.method.isEmpty ? HTML.empty(ReportText.none)
            : "<ul>" + appendix.method.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        out.append(HTML.heading(3, ReportText.signalCounts))
        if appendix.signalCounts.isEmpty {
            out.append(HTML.empty(ReportText.none))
        } else {
            let rows = appendix.signalCounts.map { row in
                [HTML.escape(row.label.isEmpty ? row.id : row.label), "<code>\(HTML.escape(row.id))</code>",
                 NumberText.count(row.count), row.previous.map(NumberText.count) ?? NumberText.missing,
                 HTML.escape(ReportFacts.countDelta(row.count, previous: row.previous))]
            }
            out.append(HTML.table(
                [ReportText.signals, ReportText.signalID, ReportText.thisWeek, ReportText.previousWeek, ReportText.change],
                [.left, .left, .right, .right, .right], rows))
        }
        out.append(HTML.heading(3, ReportText.ruleHits))
        if appendix.ruleHits.isEmpty {
            out.append(HTML.empty(ReportText.none))
        } else {
            let rows = appendix.ruleHits.map { hit in
                ["<code>\(HTML.escape(hit.entry))</code>", HTML.escape(ReportText.patternCell(hit.pattern)), "<code>\(HTML.escape(hit.target))</code>",
                 NumberText.count(hit.count)]
            }
            out.append(HTML.table([ReportText.rule, ReportText.pattern, ReportText.target, ReportText.count],
                                  [.left, .left, .left, .right], rows))
        }
        out.append(HTML.heading(3, ReportText.unclassified))
        out.append(HTML.quotes(appendix.unclassifiedSample, links: links))
        return out.joined(separator: "\n")
    }
}
