import KoeKit

/// Helpers shared by the inline SVG charts: coordinates, text width estimates, axis scales and
/// the colour palette. Charts are plain strings; no font metrics are available, so widths are
/// estimated (full-width characters ≈ 1 em, others ≈ 0.58 em).
enum SVG {
    /// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Grey comes
    /// last: it is the colour of "other" when a chart folds its smallest series together.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
    static let dissatisfaction = "#D55E00"
    static let success = "#0072B2"
    static let neutralBar = "#9DB4C8"
    static let grid = "#E1E6EB"
    static let axis = "#59636E"

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 1.0 : 0.58) } * fontSize
    }

    /// Shortens `text` with `…` so it fits `width`.
    static func truncate(_ text: String, toWidth width: Double, fontSize: Double) -> String {
        guard estimatedWidth(text, fontSize: fontSize) > width else { return text }
        var out = ""
        var used = fontSize  // room for the ellipsis
        for character in text {
            let w = estimatedWidth(String(character), fontSize: fontSize)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// A `<text>` element; `content` is escaped here.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String? = nil) -> String {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        return "<text x=\"\(num(x))\" y=\"\(num(y))\" text-anchor=\"\(anchor)\"\(cls)>\(HTML.escape(content))</text>"
    }

    /// A `<rect>`; `fill` and `className` come from this module's constants, `title` is escaped.
    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String? = nil, className: String? = nil,
        title: String? = nil
    ) -> String {
        let paint = fill.map { " fill=\"\($0)\"" } ?? ""
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        let head = "<rect x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(width))\" height=\"\(num(height))\"\(paint)\(cls)"
        return title.map { head + ">" + self.title($0) + "</rect>" } ?? head + "/>"
    }

    /// A `<line>`; `attributes` come from this module's constants.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, attributes: String) -> String {
        "<line x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\" \(attributes)/>"
    }

    /// A `<title>` (tooltip and accessible name); `content` is escaped here.
    static func title(_ content: String) -> String { "<title>\(HTML.escape(content))</title>" }

    /// An axis top and a whole-number tick step (1, 2 or 5 × 10ⁿ, at least 1), so tick labels
    /// are exact integers: max 455 → (500, 100), max 12 → (15, 5).
    static func niceScale(max value: Double, ticks: Int = 5) -> (top: Double, step: Double) {
        guard value > 0, value.isFinite else { return (1, 1) }
        let rough = max(1, value / Double(ticks))
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        return ((value / step).rounded(.up) * step, step)
    }

    /// The labels under a week on the time axis: `W47`, and below it the year when it differs
    /// from the previous week's (`previousYear` is updated).
    static func weekTick(_ week: ISOWeek, x: Double, plotBottom: Double, isCurrent: Bool, previousYear: inout String) -> [String] {
        let parts = weekParts(week.description)
        var out = [text(parts.week, x: x, y: plotBottom + 18, anchor: "middle", className: isCurrent ? "tick strong" : "tick")]
        if parts.year != previousYear {
            out.append(text(parts.year, x: x, y: plotBottom + 34, anchor: "middle", className: "tick muted"))
            previousYear = parts.year
        }
        return out
    }

    /// `2026-W47` → (`2026`, `W47`).
    private static func weekParts(_ week: String) -> (year: String, week: String) {
        let parts = week.split(separator: "-", maxSplits: 1)
        guard parts.count == 2 else { return ("", week) }
        return (String(parts[0]), String(parts[1]))
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
