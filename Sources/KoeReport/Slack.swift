import KoeKit

/// Slack mrkdwn building blocks. Slack asks for exactly three escapes — `&` `&amp;`, `<`
/// `&lt;`, `>` `&gt;` — which also disarms `<!here>`, `<@U…>` and `<url|text>` in ticket text.
/// Text from the report additionally keeps to one line and pings nobody. Everything is
/// clipped before it is escaped, so a cut never falls inside an escape or a link.
enum Slack {
    /// One line of escaped text, at most `limit` characters of `raw` (then `…`). Newlines
    /// become spaces; control and bidi characters U+FFFD; an `@` that starts a mention
    /// (`@here`, `@channel`, `@everyone`, `@name`) a full-width `＠`, as in the Markdown report.
    static func text(_ raw: String, limit: Int = 300) -> String {
        var out = ""
        var previous: Character?
        var characters = clipped(raw, limit).makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            defer { previous = character }
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if character.isNewline {
                    out.append(" ")
                } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control })
                    || character.unicodeScalars.contains(where: HTML.isBidiControl) {
                    out.append("\u{FFFD}")
                } else if character == "@", !(previous.map(isAddressCharacter) ?? false),
                          next.map({ $0.isLetter || $0.isNumber }) ?? false {
                    out.append("＠")
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// `<url|label>`; the URL is a validated `WebURL` (no `<`, `>`, `|`, spaces), so only its
    /// `&` needs escaping.
    static func link(_ url: String, label: String) -> String {
        "<" + url.replacingOccurrences(of: "&", with: "&amp;") + "|" + text(label, limit: 80) + ">"
    }

    /// A ticket id, linked when there is a template.
    static func ticket(_ id: String, links: ReportLinks) -> String {
        guard let url = links.ticketURL(id) else { return text(id, limit: 40) }
        return link(url, label: id)
    }

    /// `raw` cut to `limit` characters, the last one `…`.
    static func clipped(_ raw: String, _ limit: Int) -> String {
        raw.count <= limit ? raw : String(raw.prefix(max(limit - 1, 0))) + "…"
    }

    /// Slack counts a message's length in UTF-16 code units (as JavaScript does); a
    /// character outside the BMP counts twice.
    static func length(_ text: String) -> Int { text.utf16.count }

    /// What may stand before the `@` of an e-mail address.
    private static func isAddressCharacter(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || ".-_+%".contains(c)
    }
}
