import KoeKit

extension WeeklyReport {
    /// The report with its stored doubles rounded for output: the baseline share to 4 decimals (other shares are counts),
    /// means, standard deviations, z-scores and rating scores to 2. Idempotent.
    func roundedForJSON() -> WeeklyReport {
        var copy = self
        copy.stance.baselineDissatisfactionShare = copy.stance.baselineDissatisfactionShare.map { Self.share($0) }
        copy.emerging.issues = emerging.issues.map { issue in
            var issue = issue
            issue.baselineMean = Self.statistic(issue.baselineMean)
            issue.baselineStandardDeviation = Self.statistic(issue.baselineStandardDeviation)
            issue.zScore = issue.zScore.map(Self.statistic)
            return issue
        }
        copy.emerging.newTerms = emerging.newTerms.map { term in
            var term = term
            term.baselineMean = Self.statistic(term.baselineMean)
            return term
        }
        copy.ratings = ratings.map(Self.rounded)
        return copy
    }

    /// Scores, means and lifts to 2 decimals.
    private static func rounded(_ r: Ratings) -> Ratings {
        func figures(_ f: RatingFigures) -> RatingFigures {
            var f = f
            f.score = f.score.map(statistic)
            f.mean = f.mean.map(statistic)
            return f
        }
        func week(_ w: RatingWeek) -> RatingWeek {
            var w = w
            w.figures = figures(w.figures)
            return w
        }
        var r = r
        r.week = week(r.week)
        r.previous = r.previous.map(week)
        r.weeks = r.weeks.map(week)
        r.issues = r.issues.map { var i = $0; i.figures = figures(i.figures); return i }
        r.lowering = r.lowering.map { l in
            var l = l
            l.issue = figures(l.issue)
            l.without = figures(l.without)
            l.lift = statistic(l.lift)
            return l
        }
        return r
    }

    static func share(_ x: Double) -> Double { round(x, scale: 10_000) }
    static func statistic(_ x: Double) -> Double { round(x, scale: 100) }

    /// Division by an exact power of ten gives the double nearest the decimal, which the
    /// encoder then prints with exactly those digits. Non-finite values pass through (and the
    /// encoder reports them).
    private static func round(_ x: Double, scale: Double) -> Double {
        guard x.isFinite, x.magnitude < 1e12 else { return x }
        let value = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        return value == 0 ? 0 : value  // never print -0
    }
}
