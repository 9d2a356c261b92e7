import Foundation
import KoeKit

/// Markdown building blocks that read well on GitHub and in Slack. Text from the report goes
/// through `text(_:)` or `cell(_:)`, so ticket text can never become markup or raw HTML.
enum Markdown {
    enum Alignment { case left, right }

    /// Characters escaped wherever they appear: emphasis, code, links, tables, raw HTML and
    /// Slack's `#channel` / `~strike~`.
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#"]

    /// One line of inline text: newlines collapse to spaces and specials are backslash-escaped.
    /// With `atLineStart`, a leading list or heading marker (`-`, `+`, `=`, `1.`) is escaped too.
    /// An `@` that starts a mention (`@here`, `@channel`, `@everyone`, `@user`) becomes a
    /// full-width `＠`, so a pasted report pings nobody; an `@` inside an address stays.
    /// `mentions: true` keeps them, for the lexicon's own `@class` names in the rule table.
    static func text(_ raw: String, atLineStart: Bool = false, mentions: Bool = false) -> String {
        var out = ""
        var previous: Character?
        var characters = raw.makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            defer { previous = character }
            if character.isNewline {
                out.append(" ")
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control })
                || character.unicodeScalars.contains(where: HTML.isBidiControl) {
                out.append("\u{FFFD}")
            } else if !mentions, character == "@", !(previous.map(isAddressCharacter) ?? false),
                      next.map({ $0.isLetter || $0.isNumber }) ?? false {
                out.append("＠")
            } else {
                if inlineSpecials.contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        return atLineStart ? escapeBlockStart(out) : out
    }

    /// What may stand before the `@` of an e-mail address.
    private static func isAddressCharacter(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || ".-_+%".contains(c)
    }

    /// A table cell: inline text, trimmed.
    static func cell(_ raw: String, mentions: Bool = false) -> String {
        text(raw.trimmingCharacters(in: .whitespacesAndNewlines), mentions: mentions)
    }

    /// A snake_case id or `file:line` in a code span, or escaped text if it cannot be one.
    static func code(_ raw: String) -> String {
        let plain = !raw.isEmpty && raw.allSatisfy { $0.isASCII && !$0.isNewline && $0 != "`" && $0 != "|" }
        return plain ? "`\(raw)`" : text(raw)
    }

    /// A GitHub pipe table; cells must already be escaped.
    static func table(_ header: [String], _ alignment: [Alignment], _ rows: [[String]]) -> [String] {
        let rule = alignment.map { $0 == .right ? "---:" : ":---" }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
    }

    /// A quote as a blockquote, one `>` line per line of text, the record id (and account) last;
    /// the id links to its ticket when `links` has a template.
    static func quote(_ quote: WeeklyReport.Quote, links: ReportLinks) -> [String] {
        var lines = quote.text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { "> " + text($0, atLineStart: true) }
        if lines.isEmpty { lines = ["> " + NumberText.missing] }
        lines[lines.count - 1] += "　— " + attribution(quote, links: links)
        return lines
    }

    static func quotes(_ quotes: [WeeklyReport.Quote], links: ReportLinks) -> [String] {
        quotes.flatMap { quote($0, links: links) + [""] }
    }

    /// The escaped attribution, its id as `[id](<url>)` when it has a ticket link. The
    /// destination is a validated URL with a percent-encoded id, so it holds no `<`, `>`,
    /// space or newline that could end it.
    static func attribution(_ quote: WeeklyReport.Quote, links: ReportLinks) -> String {
        guard let url = links.ticketURL(quote.id) else { return text(attribution(quote)) }
        let account = quote.account.flatMap { $0.isEmpty ? nil : "・" + text($0) } ?? ""
        return "[" + text(quote.id) + "](<" + url + ">)" + account
    }

    /// `T-1042・A-1042`.
    static func attribution(_ quote: WeeklyReport.Quote) -> String {
        [quote.id, quote.account].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "・")
    }

    private static func escapeBlockStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return digits + "\\" + rest
            }
        }
        return line
    }
}
