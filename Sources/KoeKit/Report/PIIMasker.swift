import Foundation

/// Masks personal data in report quotes: e-mail addresses → 〔メール〕, Japanese phone numbers →
/// 〔電話番号〕, postal codes after 〒 / 郵便番号 → 〔郵便番号〕, other runs of 7+ digits (card,
/// account, order numbers) → 〔番号〕. Dates, times, money, versions, counts and short ids stay.
///
/// Customers type full-width digits, ＠ and ．, and use ー / − as hyphens, so every rule runs on
/// a width-folded shadow of the text that has the same UTF-16 length: a match range in the shadow
/// is the same range in the original. Placeholders hold no digits or `@`, and the rules run to
/// a fixed point, so `mask` is idempotent. Quotes are a cold path (a few hundred per report), so NSRegularExpression is fine.
public struct PIIMasker: Sendable {
    public init() {}

    public func mask(_ text: String) -> String {
        var units = Array(text.utf16)
        // A replacement changes its neighbours' context (`1234567.7654321`: the second run is
        // only a run once the first is gone), so repeat until nothing changes; that makes
        // `mask` idempotent. Every change removes digits or an `@`, so the loop ends.
        while Self.maskOnce(&units) {}
        return String(decoding: units, as: UTF16.self)
    }

    /// One line for a table cell or a bullet: whitespace runs (newlines, full-width spaces)
    /// become one space, the ends are trimmed, and text longer than `maxCharacters` is cut at a
    /// grapheme boundary (emoji stay whole) and ends in "…"; the result never exceeds the bound.
    /// A cut never leaves half a placeholder: mask first, then shorten.
    public static func shorten(_ text: String, maxCharacters: Int) -> String {
        guard maxCharacters > 0 else { return "" }
        var line = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace { line.append(" ") }
            pendingSpace = false
            line.append(character)
        }
        guard line.count > maxCharacters else { return line }
        var head = String(line.prefix(maxCharacters - 1))
        if let open = head.lastIndex(of: "〔"), !head[open...].contains("〕") {
            head = String(head[..<open])
        }
        while head.last?.isWhitespace == true { head.removeLast() }
        return head + "…"
    }
}

extension PIIMasker {
    /// Runs every rule once; true when something was replaced.
    static func maskOnce(_ units: inout [UInt16]) -> Bool {
        var changed = false
        for rule in rules {
            let shadow = fold(units)
            let ns = String(decoding: shadow, as: UTF16.self)
            let matches = rule.regex.matches(in: ns, range: NSRange(location: 0, length: shadow.count))
            // Back to front so earlier ranges stay valid while later ones are replaced.
            for match in matches.reversed() {
                let whole = match.range
                guard rule.accept(shadow[whole.location..<whole.location + whole.length]) else { continue }
                let target = match.range(at: rule.group)
                units.replaceSubrange(target.location..<target.location + target.length,
                                      with: rule.placeholder.utf16)
                changed = true
            }
        }
        return changed
    }

    /// A compiled pattern, the capture group it replaces, and a check on the whole match (in
    /// the folded shadow) for what a pattern cannot say cheaply, such as a digit count.
    struct Rule: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe.
        let regex: NSRegularExpression
        let group: Int
        let placeholder: String
        let accept: @Sendable (ArraySlice<UInt16>) -> Bool
    }

    /// Order matters: an e-mail's digits must not become a phone number, a postal code's must
    /// not become 〔番号〕. Each pattern sees the text after the earlier rules replaced theirs.
    static let rules: [Rule] = patterns.compactMap { spec in
        guard let regex = try? NSRegularExpression(pattern: spec.pattern) else { return nil }
        return Rule(regex: regex, group: spec.group, placeholder: spec.placeholder, accept: spec.accept)
    }

    /// Patterns run on the folded shadow, so they only need ASCII digits, `-`, `@`, `.`, `(`.
    static let patterns: [(pattern: String, group: Int, placeholder: String,
                           accept: @Sendable (ArraySlice<UInt16>) -> Bool)] = [
        (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, 0, "〔メール〕", { _ in true }),
        (#"〒 ?[0-9]{3}-?[0-9]{4}(?![0-9])"#, 0, "〔郵便番号〕", { _ in true }),
        (#"郵便番号 ?(?:は|:)? ?([0-9]{3}-?[0-9]{4})(?![0-9])"#, 1, "〔郵便番号〕", { _ in true }),
        // +81-90-1234-5678, +81 (0)3 1234 5678: 9–11 digits after the country code.
        (#"\+81[-. ]?(?:\(0\)[-. ]?)?[0-9]{1,4}[-. ]?[0-9]{1,4}[-. ]?[0-9]{4}(?![0-9])(?!-[0-9])"#, 0,
         "〔電話番号〕", { (9...11).contains(digitCount($0) - 2) }),
        // (03)1234-5678
        (#"\(0[0-9]{1,4}\) ?[0-9]{1,4}[-. ]?[0-9]{4}(?![0-9])(?!-[0-9])"#, 0, "〔電話番号〕",
         { (10...11).contains(digitCount($0)) }),
        // 03-1234-5678, 0120-123-456, 090 1234 5678, 09012345678
        (#"(?<![0-9])(?<![0-9][-.])0[0-9]{1,4}[-. ]?[0-9]{1,4}[-. ]?[0-9]{3,4}(?![0-9])(?!-[0-9])"#, 0,
         "〔電話番号〕", { (10...11).contains(digitCount($0)) }),
        // 4111-1111-1111-1111, 1234-567890: hyphen groups of 3+ digits (dates have 2-digit groups).
        (#"(?<![0-9])(?<![0-9][.,/:])[0-9]{3,}(?:-[0-9]{3,})+(?![0-9])"#, 0, "〔番号〕",
         { digitCount($0) >= 7 }),
        (#"(?<![0-9])[0-9]{4}(?: [0-9]{4}){3}(?![0-9])"#, 0, "〔番号〕", { _ in true }),
        // Plain runs, except money (¥1234567, 1234567円), counts (1000000件) and decimals.
        (#"(?<![0-9¥$])(?<![0-9]\.)(?<![¥$] )[0-9]{7,}(?![0-9])"# + "(?! ?(?:\(quantityUnits)))", 0,
         "〔番号〕", { !isCompactDate($0) }),
    ]

    /// Counters and currencies after a number that make it a quantity, not an identifier.
    static let quantityUnits = "円|万|億|兆|件|行|回|人|名|個|台|枚|%|倍|ドル"

    /// 20261116 reads as a date, not an order number.
    static func isCompactDate(_ digits: ArraySlice<UInt16>) -> Bool {
        guard digits.count == 8 else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1) - 48 }
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        return (1990...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    static func digitCount(_ units: ArraySlice<UInt16>) -> Int {
        units.reduce(0) { $0 + ((48...57).contains($1) ? 1 : 0) }
    }

    /// Full-width ASCII → ASCII, dashes and minus signs → `-`, ideographic space → space, ￥ → ¥;
    /// the katakana prolonged mark ー counts as a hyphen only next to a digit. One unit for one.
    static func fold(_ units: [UInt16]) -> [UInt16] {
        var out = units.map { unit -> UInt16 in
            switch unit {
            case 0xFF01...0xFF5E: unit - 0xFEE0
            case 0x2010...0x2015, 0x2212, 0xFE63: 0x2D
            case 0x3000: 0x20
            case 0xFFE5: 0xA5
            default: unit
            }
        }
        func isDigit(_ i: Int) -> Bool { out.indices.contains(i) && (48...57).contains(out[i]) }
        for i in out.indices where out[i] == 0x30FC || out[i] == 0xFF70 {
            if isDigit(i - 1) || isDigit(i + 1) { out[i] = 0x2D }
        }
        return out
    }
}
