import KoeKit

/// Dissatisfaction and success rates per week as two lines with labelled points, plus the
/// dissatisfaction baseline as a dashed line. At each week the higher value is labelled above
/// its point and the lower one below, so the two labels never overlap.
struct StanceChart {
    let stance: WeeklyReport.StanceTrend
    let reportWeek: ISOWeek
    let baselineWeeks: Int

    private let width = 960.0
    private let height = 340.0
    private let left = 56.0
    private let right = 16.0

    func svg() -> String {
        let weeks = stance.weeks
        let dissatisfaction = weeks.map { $0.total > 0 ? Double($0.dissatisfaction) / Double($0.total) : nil }
        let success = weeks.map { $0.total > 0 ? Double($0.success) / Double($0.total) : nil }
        var items: [ChartLegend.Item] = [
            .init(label: ReportText.dissatisfactionRate, color: SVG.dissatisfaction, style: .line),
            .init(label: ReportText.successRate, color: SVG.success, style: .line),
        ]
        if let baseline = stance.baselineDissatisfactionShare {
            items.append(.init(label: StanceFigures.baselineLegend(baseline: baseline, weeks: baselineWeeks),
                               color: SVG.dissatisfaction, style: .dashed))
        }
        let legend = ChartLegend(items: items, x: left, maxWidth: width - left - right)
        let plotTop = legend.height + 44
        let plotBottom = height - 48
        let highest = (dissatisfaction + success).compactMap { $0 }.max() ?? 0
        let scale = SVG.niceScale(max: max(highest, stance.baselineDissatisfactionShare ?? 0) * 100 * 1.1, ticks: 5)
        let slot = (width - left - right) / Double(max(weeks.count, 1))
        func point(_ index: Int, _ share: Double) -> (x: Double, y: Double) {
            (left + slot * (Double(index) + 0.5), plotBottom - share * 100 / scale.top * (plotBottom - plotTop))
        }
        var out = [
            "<svg viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" role=\"img\" class=\"chart-stance\">",
            SVG.title(ReportText.stanceChart),
        ]
        if let current = weeks.firstIndex(where: { $0.week == reportWeek }) {
            out.append(SVG.rect(x: left + slot * Double(current), y: plotTop - 24, width: slot,
                                height: plotBottom - plotTop + 64, className: "current-week"))
        }
        out += YAxis(top: scale.top, step: scale.step, left: left, right: width - right,
                     plotTop: plotTop, plotBottom: plotBottom, format: { "\($0)%" }, unit: "").svg()
        if let baseline = stance.baselineDissatisfactionShare {
            let y = point(0, baseline).y
            out.append(SVG.line(x1: left, y1: y, x2: width - right, y2: y, attributes: "class=\"baseline-line\""))
        }
        for (series, color) in [(dissatisfaction, SVG.dissatisfaction), (success, SVG.success)] {
            let points = series.enumerated().compactMap { index, share in share.map { point(index, $0) } }
            let path = points.map { "\(SVG.num($0.x)),\(SVG.num($0.y))" }.joined(separator: " ")
            out.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>")
        }
        var previousYear = ""
        for (index, week) in weeks.enumerated() {
            out += pointMarks(index: index, week: week, dissatisfaction: dissatisfaction[index], success: success[index],
                              point: point, plotTop: plotTop, plotBottom: plotBottom)
            out += SVG.weekTick(week.week, x: point(index, 0).x, plotBottom: plotBottom,
                                isCurrent: week.week == reportWeek, previousYear: &previousYear)
        }
        out += legend.svg(y: 14)
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    private func pointMarks(
        index: Int, week: WeeklyReport.WeekStance, dissatisfaction: Double?, success: Double?,
        point: (Int, Double) -> (x: Double, y: Double), plotTop: Double, plotBottom: Double
    ) -> [String] {
        guard let dissatisfaction, let success else { return [] }
        let d = point(index, dissatisfaction)
        let s = point(index, success)
        let dissatisfactionHigher = d.y <= s.y
        var highLabel = min(d.y, s.y) - 10
        var lowLabel = max(d.y, s.y) + 20
        if lowLabel > plotBottom - 4 {  // no room below: stack both labels above
            lowLabel = max(d.y, s.y) - 10
            highLabel = min(highLabel, lowLabel - 15)
        }
        highLabel = max(highLabel, plotTop - 8)
        let strong = week.week == reportWeek ? " strong" : ""
        let marks: [(Double, (x: Double, y: Double), String, String, Int, Double)] = [
            (dissatisfaction, d, SVG.dissatisfaction, ReportText.dissatisfactionRate, week.dissatisfaction,
             dissatisfactionHigher ? highLabel : lowLabel),
            (success, s, SVG.success, ReportText.successRate, week.success, dissatisfactionHigher ? lowLabel : highLabel),
        ]
        return marks.flatMap { share, p, color, name, count, labelY in
            let tone = color == SVG.dissatisfaction ? "dis" : "suc"
            return [
                "<circle cx=\"\(SVG.num(p.x))\" cy=\"\(SVG.num(p.y))\" r=\"4.5\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1.5\">"
                    + SVG.title("\(week.week) \(name) \(NumberText.percent(share))（\(ReportFacts.fraction(count, of: week.total))）")
                    + "</circle>",
                SVG.text(NumberText.percent(share), x: p.x, y: labelY, anchor: "middle", className: "value \(tone)\(strong)"),
            ]
        }
    }
}
