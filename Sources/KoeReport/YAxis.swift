/// Horizontal grid lines with tick labels on the left.
struct YAxis {
    let top: Double
    let step: Double
    let left: Double
    let right: Double
    let plotTop: Double
    let plotBottom: Double
    let format: (Int) -> String
    let unit: String

    func svg() -> [String] {
        var out: [String] = []
        var value = 0.0
        while value <= top + step / 2 {
            let y = plotBottom - value / top * (plotBottom - plotTop)
            let style = value == 0 ? "baseline-axis" : "grid"
            out.append(SVG.line(x1: left, y1: y, x2: right, y2: y, attributes: "class=\"\(style)\""))
            out.append(SVG.text(format(Int(value.rounded())), x: left - 8, y: y + 4, anchor: "end", className: "tick"))
            value += step
        }
        out.append(SVG.text(unit, x: left - 8, y: plotTop - 14, anchor: "end", className: "tick muted"))
        return out
    }
}
