import KoeKit

extension MarkdownRenderer {
    func churnRisk(_ accounts: [WeeklyReport.AccountRisk], _ labels: DisplayLabels) -> [String] {
        guard !accounts.isEmpty else { return [ReportText.none] }
        let conditional = accounts.filter(\.conditional).count
        let rows = accounts.map { risk in
            [Markdown.cell(risk.account), risk.plan.map { Markdown.cell($0) } ?? NumberText.missing,
             risk.signals.map { Markdown.cell(labels.signal($0)) }.joined(separator: "、"),
             risk.conditional ? ReportText.conditional : "",
             NumberText.count(risk.tickets),
             ReportFacts.previousRiskWeeks(risk.previousWeeksWithRisk)]
        }
        var lines = [ReportText.accountCount(NumberText.count(accounts.count), conditional: NumberText.items(conditional)), ""]
        lines += Markdown.table(
            [ReportText.account, ReportText.plan, ReportText.signals, ReportText.conditional,
             ReportText.ticketsThisWeek, ReportText.previousRiskWeeks],
            [.left, .left, .left, .left, .right, .right], rows)
        lines += ["", "※ " + ReportText.conditionalNote, "", "### \(ReportText.evidence)"]
        for risk in accounts {
            let plan = risk.plan.map { "（" + Markdown.text($0) + "）" } ?? ""
            lines += ["", "**" + Markdown.text(risk.account) + "**" + plan, ""]
            lines += Markdown.quote(risk.quote, links: links)
        }
        return lines
    }

    func effort(_ effort: WeeklyReport.EffortQuality) -> [String] {
        let figures = EffortFigures(effort)
        let rows = figures.metrics.map { label, rate in
            [Markdown.cell(label), Markdown.cell(EffortFigures.current(rate)),
             rate.previousShare.map(NumberText.percent) ?? NumberText.missing,
             ReportFacts.rateDelta(rate)]
        }
        var lines = Markdown.table(
            [ReportText.metric, ReportText.rate, ReportText.previousWeek, ReportText.change],
            [.left, .right, .right, .right], rows)
        if !figures.hasPrevious { lines += ["", ReportText.noPrevious] }
        lines += ["", "### \(ReportText.resolutionQuality)", ""]
        lines += figures.resolutionLines.map { "- " + Markdown.text($0) }
        lines += ["", "※ " + ReportText.subsidedExplanation]
        if !effort.quotes.isEmpty {
            lines += ["", "### \(ReportText.effortQuotes)", ""] + Markdown.quotes(effort.quotes, links: links)
        }
        return lines
    }

    func success(_ success: WeeklyReport.SuccessSection) -> [String] {
        var lines = ["- \(ReportText.praise): " + Markdown.text(ReportFacts.rate(success.praise))]
        for (heading, quotes) in success.quoteGroups {
            lines += ["", "### \(heading)", ""]
            lines += quotes.isEmpty ? [ReportText.none] : Markdown.quotes(quotes, links: links)
        }
        return lines
    }

    func appendix(_ appendix: WeeklyReport.Appendix) -> [String] {
        var lines = ["### \(ReportText.method)", ""]
        lines += appendix.method.isEmpty ? [ReportText.none] : appendix.method.map { "- " + Markdown.text($0, atLineStart: true) }
        lines += ["", "### \(ReportText.signalCounts)", ""]
        if appendix.signalCounts.isEmpty {
            lines.append(ReportText.none)
        } else {
            let rows = appendix.signalCounts.map { row in
                [Markdown.cell(row.label.isEmpty ? row.id : row.label), Markdown.code(row.id), NumberText.count(row.count),
                 row.previous.map(NumberText.count) ?? NumberText.missing,
                 Markdown.cell(ReportFacts.countDelta(row.count, previous: row.previous))]
            }
            lines += Markdown.table(
                [ReportText.signals, ReportText.signalID, ReportText.thisWeek, ReportText.previousWeek, ReportText.change],
                [.left, .left, .right, .right, .right], rows)
        }
        lines += ["", "### \(ReportText.ruleHits)", ""]
        if appendix.ruleHits.isEmpty {
            lines.append(ReportText.none)
        } else {
            let rows = appendix.ruleHits.map { hit in
                [Markdown.code(hit.entry), Markdown.cell(ReportText.patternCell(hit.pattern), mentions: true), Markdown.code(hit.target), NumberText.count(hit.count)]
            }
            lines += Markdown.table([ReportText.rule, ReportText.pattern, ReportText.target, ReportText.count],
                                    [.left, .left, .left, .right], rows)
        }
        lines += ["", "### \(ReportText.unclassified)", ""]
        lines += appendix.unclassifiedSample.isEmpty ? [ReportText.none] : Markdown.quotes(appendix.unclassifiedSample, links: links)
        return lines
    }
}
