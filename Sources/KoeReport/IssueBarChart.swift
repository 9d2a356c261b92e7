import KoeKit

/// Top issues as horizontal bars, longest first as ranked; each bar is split into its
/// dissatisfied part and the rest, with the count and week-over-week change at its end.
struct IssueBarChart {
    let rows: [WeeklyReport.IssueRow]

    private let width = 960.0
    private let labelWidth = 250.0
    private let valueWidth = 190.0
    private let rowHeight = 34.0
    private let fontSize = 13.0

    func svg() -> String {
        let legend = ChartLegend(items: [
            .init(label: ReportText.dissatisfaction, color: SVG.dissatisfaction, style: .box),
            .init(label: ReportText.notDissatisfied, color: SVG.neutralBar, style: .box),
        ], x: labelWidth, maxWidth: width - labelWidth)
        let top = legend.height + 16
        let height = top + rowHeight * Double(rows.count) + 8
        let maxCount = Double(rows.map(\.count).max() ?? 0)
        let barSpace = width - labelWidth - valueWidth
        var out = [
            "<svg viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" role=\"img\" class=\"chart-issues\">",
            SVG.title(ReportText.issueChart),
        ]
        out += legend.svg(y: 12)
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let barHeight = rowHeight - 12
            let full = maxCount > 0 ? Double(row.count) / maxCount * barSpace : 0
            let dissatisfied = row.count > 0 ? full * Double(min(row.dissatisfaction.count, row.count)) / Double(row.count) : 0
            let name = "\(index + 1). \(row.label)"
            let label = SVG.truncate(name, toWidth: labelWidth - 20, fontSize: fontSize)
            let tooltip = "\(row.label): \(NumberText.items(row.count))、"
                + "\(ReportText.dissatisfactionRate) \(ReportFacts.share(row.dissatisfaction))"
            out.append("<g>" + SVG.title(tooltip))
            out.append(SVG.text(label, x: labelWidth - 10, y: y + barHeight / 2 + 4.5, anchor: "end", className: "label"))
            out.append(SVG.rect(x: labelWidth, y: y, width: full, height: barHeight, fill: SVG.neutralBar))
            out.append(SVG.rect(x: labelWidth, y: y, width: dissatisfied, height: barHeight, fill: SVG.dissatisfaction))
            let change = row.previous.map { "（\(ReportText.weekOverWeek) \(NumberText.signed(row.count - $0))）" } ?? ""
            out.append(SVG.text(NumberText.items(row.count) + change, x: labelWidth + full + 8, y: y + barHeight / 2 + 4.5,
                                className: "value"))
            out.append("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
