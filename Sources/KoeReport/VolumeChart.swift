import KoeKit

/// Weekly volume as bars stacked by channel, with a y axis, totals over the bars, week labels
/// under them (the year where it changes) and a legend; the report week is shaded. Past eight
/// channels the smallest are folded into one grey "other" series, so no two share a colour.
struct VolumeChart {
    let volume: WeeklyReport.Volume
    let reportWeek: ISOWeek

    private let width = 960.0
    private let height = 360.0
    private let left = 56.0
    private let right = 16.0

    /// The stacked series: a display name and the channels it sums.
    private var series: [(name: String, channels: [String])] {
        ChannelOrder(volume).folded(limit: SVG.palette.count)
    }

    func svg() -> String {
        let series = self.series
        let legend = ChartLegend(items: series.enumerated().map {
            .init(label: $1.name, color: SVG.color($0), style: .box)
        }, x: left, maxWidth: width - left - right)
        let plotTop = legend.height + 36
        let plotBottom = height - 48
        let plotHeight = plotBottom - plotTop
        let plotWidth = width - left - right
        let stacked = volume.weeks.map { max($0.total, $0.byChannel.values.reduce(0, +)) }
        let scale = SVG.niceScale(max: Double(stacked.max() ?? 0))
        let slot = plotWidth / Double(max(volume.weeks.count, 1))
        let barWidth = min(64, slot * 0.62)
        var out = [
            "<svg viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" role=\"img\" class=\"chart-volume\">",
            SVG.title(ReportText.volumeChart),
        ]
        if let current = volume.weeks.firstIndex(where: { $0.week == reportWeek }) {
            out.append(SVG.rect(x: left + slot * Double(current), y: plotTop - 24, width: slot, height: plotHeight + 64,
                                className: "current-week"))
        }
        out += YAxis(top: scale.top, step: scale.step, left: left, right: width - right,
                     plotTop: plotTop, plotBottom: plotBottom, format: NumberText.count, unit: "（件）").svg()
        var previousYear = ""
        for (index, week) in volume.weeks.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            var y = plotBottom
            for (index, part) in series.enumerated() {
                let count = part.channels.reduce(0) { $0 + (week.byChannel[$1] ?? 0) }
                guard count > 0 else { continue }
                let h = Double(count) / scale.top * plotHeight
                y -= h
                out.append(SVG.rect(x: x, y: y, width: barWidth, height: h, fill: SVG.color(index),
                                    title: "\(week.week) \(part.name): \(NumberText.items(count))"))
            }
            let center = x + barWidth / 2
            let isCurrent = week.week == reportWeek
            // Above whichever is higher: the stack as drawn or the stated total.
            let top = min(y, plotBottom - Double(week.total) / scale.top * plotHeight)
            out.append(SVG.text(NumberText.count(week.total), x: center, y: top - 6,
                                anchor: "middle", className: isCurrent ? "value strong" : "value"))
            out += SVG.weekTick(week.week, x: center, plotBottom: plotBottom, isCurrent: isCurrent, previousYear: &previousYear)
        }
        out += legend.svg(y: 14)
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
