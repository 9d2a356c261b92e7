/// A small inline trend line for a table row, scaled from the row's minimum to its maximum;
/// the last (report) week is marked with a dot. The exact counts are in its `<title>`.
struct Sparkline {
    let values: [Int]

    private let width = 120.0
    private let height = 28.0
    private let pad = 4.0

    func svg() -> String {
        let title = SVG.title("\(ReportText.trend): " + values.map(NumberText.count).joined(separator: " → "))
        guard values.count > 1, let low = values.min(), let high = values.max() else {
            return "<svg viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" class=\"spark\" role=\"img\">\(title)</svg>"
        }
        let step = (width - 2 * pad) / Double(values.count - 1)
        let points = values.enumerated().map { index, value in
            (pad + step * Double(index),
             height - pad - (high > low ? Double(value - low) / Double(high - low) : 0.5) * (height - 2 * pad))
        }
        let path = points.map { "\(SVG.num($0.0)),\(SVG.num($0.1))" }.joined(separator: " ")
        let last = points[points.count - 1]
        return "<svg viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" class=\"spark\" role=\"img\">\(title)"
            + "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(SVG.success)\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>"
            + "<circle cx=\"\(SVG.num(last.0))\" cy=\"\(SVG.num(last.1))\" r=\"3\" fill=\"\(SVG.dissatisfaction)\"/></svg>"
    }
}
