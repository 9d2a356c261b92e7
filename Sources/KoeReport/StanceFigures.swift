import KoeKit

/// Text for the dissatisfaction / success trend that both renderers share.
enum StanceFigures {
    /// `26.6%`, or `—` for an empty week.
    static func percent(_ count: Int, of total: Int) -> String {
        total > 0 ? NumberText.percent(Double(count) / Double(total)) : NumberText.missing
    }

    /// `不満の前8週平均: 27.5%（今週 31.2%、+3.7pt）`.
    static func baselineLine(_ stance: WeeklyReport.StanceTrend, baseline: Double, weeks: Int) -> String {
        let span = weeks > 0 ? "前\(weeks)週平均" : "ベースライン平均"
        let current = stance.dissatisfaction
        guard current.total > 0 else {
            return "\(ReportText.dissatisfaction)の\(span): \(NumberText.percent(baseline))"
        }
        return "\(ReportText.dissatisfaction)の\(span): \(NumberText.percent(baseline))"
            + "（\(ReportText.thisWeek) \(NumberText.percent(current.share))、"
            + "\(NumberText.pointDelta(current.share, from: baseline))）"
    }

    /// Legend text for the baseline line in the chart: `不満率の前8週平均 27.5%`.
    static func baselineLegend(baseline: Double, weeks: Int) -> String {
        let span = weeks > 0 ? "前\(weeks)週平均" : "ベースライン平均"
        return "\(ReportText.dissatisfactionRate)の\(span) \(NumberText.percent(baseline))"
    }
}
