import KoeKit

/// The few headline numbers both renderers show at the top of the summary.
struct SummaryFigures: Sendable {
    struct Figure: Sendable {
        var label: String
        var value: String
        var detail: String
        /// +1 / −1 when the figure moved in displayed precision, nil without last week.
        var direction: Int?
        /// Whether a rise is bad news (dissatisfaction, churn) or good news (success).
        var riseIsBad: Bool?
    }

    let figures: [Figure]

    init(_ report: WeeklyReport) {
        let volume = report.volume
        let previousVolume = volume.previousTotal.map {
            "\(ReportText.previousWeek) \(NumberText.items($0))、\(ReportFacts.countChange(volume.total, previous: $0))"
        } ?? "\(ReportText.previousWeek) —"
        let conditional = report.churnRisk.filter(\.conditional).count
        figures = [
            Figure(label: ReportText.weeklyTotal, value: NumberText.items(volume.total), detail: previousVolume,
                   direction: volume.previousTotal.map { (volume.total - $0).signum() }, riseIsBad: nil),
            Self.rateFigure(ReportText.dissatisfactionRate, report.stance.dissatisfaction, riseIsBad: true),
            Self.rateFigure(ReportText.successRate, report.stance.success, riseIsBad: false),
            Figure(label: ReportText.churnAccounts, value: NumberText.items(report.churnRisk.count),
                   detail: "うち\(ReportText.conditional) \(NumberText.items(conditional))",
                   direction: nil, riseIsBad: true),
        ]
    }

    /// `今週の件数: 455件（前週 432件、+23（+5.3%））`.
    var lines: [String] { figures.map { "\($0.label): \($0.value)（\($0.detail)）" } }

    private static func rateFigure(_ label: String, _ rate: WeeklyReport.Rate, riseIsBad: Bool) -> Figure {
        let detail = "\(ReportFacts.fraction(rate.count, of: rate.total))、\(ReportFacts.previous(rate))"
        return Figure(label: label, value: ReportFacts.share(rate), detail: detail,
                      direction: ReportFacts.rateDirection(rate), riseIsBad: riseIsBad)
    }
}
