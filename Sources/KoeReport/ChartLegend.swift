/// A chart legend laid out left to right, wrapping onto further rows when it runs out of width.
struct ChartLegend {
    enum Style { case box, line, dashed }

    struct Item {
        var label: String
        var color: String
        var style: Style
    }

    let items: [Item]
    let x: Double
    let maxWidth: Double

    private let rowHeight = 22.0
    private let fontSize = 13.0

    /// Item positions (row, x offset) after wrapping.
    private var layout: [(row: Int, x: Double)] {
        var result: [(Int, Double)] = []
        var row = 0
        var offset = 0.0
        for item in items {
            let w = itemWidth(item)
            if offset > 0, offset + w > maxWidth {
                row += 1
                offset = 0
            }
            result.append((row, offset))
            offset += w + 18
        }
        return result
    }

    var height: Double { Double((layout.last?.row ?? 0) + 1) * rowHeight }

    func svg(y: Double) -> [String] {
        zip(items, layout).map { item, place in
            let left = x + place.x
            let middle = y + Double(place.row) * rowHeight
            let swatch: String
            switch item.style {
            case .box:
                swatch = SVG.rect(x: left, y: middle - 6, width: 12, height: 12, fill: item.color)
            case .line, .dashed:
                let dash = item.style == .dashed ? " stroke-dasharray=\"5 4\"" : ""
                swatch = SVG.line(x1: left, y1: middle, x2: left + 18, y2: middle,
                                  attributes: "stroke=\"\(item.color)\" stroke-width=\"2.5\"\(dash)")
            }
            let textX = left + (item.style == .box ? 18 : 24)
            return swatch + SVG.text(item.label, x: textX, y: middle + 4.5, className: "legend")
        }
    }

    private func itemWidth(_ item: Item) -> Double {
        (item.style == .box ? 18 : 24) + SVG.estimatedWidth(item.label, fontSize: fontSize)
    }
}
