import KoeKit

extension HTMLRenderer {
    func ratings(_ r: WeeklyReport.Ratings) -> String {
        guard let scale = r.scale else {
            return HTML.empty(ReportText.noReadableRating(NumberText.items(r.inputUnreadable)))
        }
        var items = [
            (ReportText.ratingScale, RatingFacts.scale(r, scale)),
            (ReportText.ratingValues, RatingFacts.inputCounts(r)),
        ]
        if r.week.figures.rated > 0 {
            items.append((ReportText.thisWeek, RatingFacts.headline(r.week.figures, scale)))
            items.append((ReportText.previousWeek, RatingFacts.previous(r, scale)))
        }
        var out = ["<ul>" + items.map { "<li><strong>\(HTML.escape($0))</strong> \(HTML.escape($1))</li>" }.joined()
            + (RatingFacts.weekExceptions(r.week).map { "<li>\(HTML.escape($0))</li>" } ?? "") + "</ul>"]
        out.append("<p class=\"note\">\(HTML.escape(ReportText.scoreDefinition(scale)))</p>")
        guard r.week.figures.rated > 0 else { return (out + [HTML.empty(ReportText.noRatingThisWeek)]).joined(separator: "\n") }

        let trend = RatingFacts.trendWeeks(r)
        if trend.count > 1 {
            out.append(HTML.heading(3, ReportText.ratingTrend))
            let rows = trend.map { w in
                [HTML.escape(w.week.description), NumberText.count(w.figures.rated)] + RatingFacts.cells(w.figures, scale).map { HTML.escape($0) }
            }
            out.append(HTML.table(
                [ReportText.week, ReportText.rated] + RatingFacts.columns(scale),
                [.nowrap] + Array(repeating: .right, count: 1 + RatingFacts.columns(scale).count), rows))
        }

        out.append(HTML.heading(3, ReportText.ratingByIssue))
        if r.issues.isEmpty {
            out.append(HTML.empty(ReportText.noRatedIssue))
        } else {
            let rows = r.issues.map { i in
                [HTML.escape(i.label), NumberText.count(i.count), NumberText.count(i.figures.rated)]
                    + RatingFacts.cells(i.figures, scale).map { HTML.escape($0) }
            }
            out.append(HTML.table(
                [ReportText.issue, ReportText.count, ReportText.rated] + RatingFacts.columns(scale),
                [.prose] + Array(repeating: .right, count: 2 + RatingFacts.columns(scale).count), rows, wide: true))
        }

        out.append(HTML.heading(3, ReportText.ratingLowering))
        out.append("<p class=\"note\">\(HTML.escape(ReportText.liftExplanation))</p>")
        if r.lowering.isEmpty {
            out.append(HTML.empty(ReportText.noLowering))
        } else {
            let rows = r.lowering.map { l in
                [HTML.escape(l.label), NumberText.count(l.issue.rated), HTML.escape(ReportFacts.share(l.issue.low)),
                 HTML.escape(RatingFacts.scoreWithCounts(l.without, scale)),
                 HTML.escape(RatingFacts.lift(l))]
            }
            out.append(HTML.table(
                [ReportText.issue, ReportText.rated, ReportText.lowBand(scale), ReportText.scoreWithout, ReportText.lift],
                [.prose, .right, .right, .right, .right], rows, wide: true))
        }
        return out.joined(separator: "\n")
    }
}
