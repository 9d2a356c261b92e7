import KoeKit

extension WeeklyReport {
    /// The report with its stored doubles rounded for output: the baseline share to 4 decimals (other shares are counts),
    /// means, standard deviations and z-scores to 2. Idempotent.
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
        return copy
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
