import KoeKit

extension MarkdownRenderer {
    func ratings(_ r: WeeklyReport.Ratings) -> [String] {
        guard let scale = r.scale else {
            return [Markdown.text(ReportText.noReadableRating(NumberText.items(r.inputUnreadable)))]
        }
        var lines = [
            "- \(ReportText.ratingScale): " + Markdown.text(RatingFacts.scale(r, scale)),
            "- \(ReportText.ratingValues): " + Markdown.text(RatingFacts.inputCounts(r)),
        ]
        if r.week.figures.rated > 0 {
            lines.append("- \(ReportText.thisWeek): " + Markdown.text(RatingFacts.headline(r.week.figures, scale)))
            lines.append("- \(ReportText.previousWeek): " + Markdown.text(RatingFacts.previous(r, scale)))
        }
        if let exceptions = RatingFacts.weekExceptions(r.week) { lines.append("- " + Markdown.text(exceptions)) }
        lines += ["", Markdown.text(ReportText.scoreDefinition(scale))]
        guard r.week.figures.rated > 0 else { return lines + ["", ReportText.noRatingThisWeek] }

        let trend = RatingFacts.trendWeeks(r)
        if trend.count > 1 {
            let rows = trend.map { w in
                [Markdown.cell(w.week.description), NumberText.count(w.figures.rated)] + RatingFacts.cells(w.figures, scale).map { Markdown.cell($0) }
            }
            lines += ["", "### \(ReportText.ratingTrend)", ""]
            lines += Markdown.table(
                [ReportText.week, ReportText.rated] + RatingFacts.columns(scale),
                [.left] + Array(repeating: .right, count: 1 + RatingFacts.columns(scale).count), rows)
        }

        lines += ["", "### \(ReportText.ratingByIssue)", ""]
        if r.issues.isEmpty {
            lines.append(ReportText.noRatedIssue)
        } else {
            let rows = r.issues.map { i in
                [Markdown.cell(i.label), NumberText.count(i.count), NumberText.count(i.figures.rated)]
                    + RatingFacts.cells(i.figures, scale).map { Markdown.cell($0) }
            }
            lines += Markdown.table(
                [ReportText.issue, ReportText.count, ReportText.rated] + RatingFacts.columns(scale),
                [.left] + Array(repeating: .right, count: 2 + RatingFacts.columns(scale).count), rows)
        }

        lines += ["", "### \(ReportText.ratingLowering)", "", ReportText.liftExplanation, ""]
        if r.lowering.isEmpty {
            lines.append(ReportText.noLowering)
        } else {
            let rows = r.lowering.map { l in
                [Markdown.cell(l.label), NumberText.count(l.issue.rated), Markdown.cell(ReportFacts.share(l.issue.low)),
                 Markdown.cell(RatingFacts.scoreWithCounts(l.without, scale)),
                 Markdown.cell(RatingFacts.lift(l))]
            }
            lines += Markdown.table(
                [ReportText.issue, ReportText.rated, ReportText.lowBand(scale), ReportText.scoreWithout, ReportText.lift],
                [.left, .right, .right, .right, .right], rows)
        }
        return lines
    }
}
