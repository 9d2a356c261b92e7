import KoeKit

/// HTML building blocks. Every string from the report passes through `escape(_:)` before it
/// reaches the document — in text, in attributes and inside SVG `<title>`/`<text>`.
enum HTML {
    /// Column layout: text (wraps), numbers (right, one line), short labels (one line) or
    /// running text that must keep a readable width when the page is narrow (print, phone).
    enum Alignment { case left, right, nowrap, prose }

    /// Escapes `& < > " '` and replaces control and bidi characters, so text can go anywhere in the
    /// document, attribute values included.
    static func escape(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": break
            default:
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isBidiControl(scalar)
                out.unicodeScalars.append(control ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Bidirectional embeddings, overrides, isolates and marks (U+202E turns the rest of a
    /// line around): ticket text must not reorder the report around it.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// An escaped paragraph whose line breaks are kept.
    static func lines(_ raw: String) -> String {
        raw.split(whereSeparator: \.isNewline).map { escape(String($0)) }.joined(separator: "<br>")
    }

    static func empty(_ message: String) -> String { "<p class=\"empty\">\(escape(message))</p>" }

    static func heading(_ level: Int, _ text: String) -> String { "<h\(level)>\(escape(text))</h\(level)>" }

    /// A table whose cells are already HTML; wrapped so it scrolls sideways on a phone. Narrow
    /// tables keep their natural width; `wide` ones (long text columns) fill the section.
    static func table(_ header: [String], _ alignment: [Alignment], _ rows: [[String]], wide: Bool = false) -> String {
        func cellClass(_ index: Int) -> String {
            switch index < alignment.count ? alignment[index] : .left {
            case .left: ""
            case .right: " class=\"num\""
            case .nowrap: " class=\"nowrap\""
            case .prose: " class=\"prose\""
            }
        }
        var out = ["<div class=\"table-wrap\"><table\(wide ? " class=\"wide\"" : "")>"]
        out.append("<thead><tr>" + header.enumerated().map { "<th\(cellClass($0))>\(escape($1))</th>" }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in rows {
            out.append("<tr>" + row.enumerated().map { "<td\(cellClass($0))>\($1)</td>" }.joined() + "</tr>")
        }
        out.append("</tbody></table></div>")
        return out.joined(separator: "\n")
    }

    /// A quote with its record id (and account); the id links to its ticket when `links` has
    /// a template.
    static func quote(_ quote: WeeklyReport.Quote, links: ReportLinks) -> String {
        let source: String
        if let url = links.ticketURL(quote.id) {
            let account = quote.account.flatMap { $0.isEmpty ? nil : "・" + escape($0) } ?? ""
            source = "<a href=\"\(escape(url))\" rel=\"noreferrer\">\(escape(quote.id))</a>" + account
        } else {
            source = escape(Markdown.attribution(quote))
        }
        let footer = source.isEmpty ? "" : "<footer>— \(source)</footer>"
        return "<blockquote><p>\(lines(quote.text))</p>\(footer)</blockquote>"
    }

    static func quotes(_ quotes: [WeeklyReport.Quote], links: ReportLinks) -> String {
        quotes.isEmpty ? empty(ReportText.none) : quotes.map { quote($0, links: links) }.joined(separator: "\n")
    }

    /// A delta coloured by whether its direction is good or bad news.
    static func delta(_ text: String, direction: Int?, riseIsBad: Bool?) -> String {
        guard let direction, direction != 0, let riseIsBad else { return escape(text) }
        let bad = (direction > 0) == riseIsBad
        return "<span class=\"\(bad ? "worse" : "better")\">\(escape(text))</span>"
    }
}
