/// Masks personal data in report text: e-mail addresses → 〔メール〕, Japanese phone numbers →
/// 〔電話番号〕, postal codes after 〒 / 郵便番号 → 〔郵便番号〕, card, My Number, account and order
/// numbers (7+ digits, alone or in groups) → 〔番号〕. Dates, times, money, versions, counts and
/// short ids stay. The README's masking table lists every form; `PIIMaskerTests` feeds each one.
///
/// Customers type full-width digits, ＠ and ．, and use ー / − / 〜 as separators, so the scan runs
/// on a width-folded shadow of the text with the same UTF-16 length: a range in the shadow is the
/// same range in the original. One left-to-right scan finds e-mail addresses, a second the digit
/// groups; each unit is visited a bounded number of times, so masking is linear in the text
/// (`steps` counts the visits for the tests). Placeholders hold no digits or `@`, and a masked
/// span never leaves a neighbour that a second scan would read differently, so `mask` is
/// idempotent.
public struct PIIMasker: Sendable {
    public init() {}

    public func mask(_ text: String) -> String {
        var steps = 0
        return Self.mask(text, steps: &steps)
    }

    /// `mask`, counting the units the scanners visit.
    static func mask(_ text: String, steps: inout Int) -> String {
        let units = Array(text.utf16)
        var shadow = fold(units)
        let mails = mailSpans(in: shadow, steps: &steps)
        // Digits inside an address are the address's: hide them from the number scan.
        for span in mails { for i in span.range { shadow[i] = blocked } }
        let spans = (mails + numberSpans(in: shadow, steps: &steps)).sorted { $0.range.lowerBound < $1.range.lowerBound }
        guard !spans.isEmpty else { return text }
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var at = 0
        for span in spans where span.range.lowerBound >= at {
            out += units[at..<span.range.lowerBound]
            out += span.kind.placeholder.utf16
            at = span.range.upperBound
        }
        out += units[at...]
        return String(decoding: out, as: UTF16.self)
    }

    /// A stretch of personal data in the text, in UTF-16 offsets.
    struct Span {
        enum Kind { case mail, phone, postal, number }
        let range: Range<Int>
        let kind: Kind
    }

    /// Stands in for masked units in the shadow: not a digit, separator or letter.
    static let blocked: UInt16 = 0xFFFC

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

    /// Full-width ASCII → ASCII, dashes and minus signs → `-`, 〜 → `~`, ideographic space →
    /// space, ￥ → ¥; the katakana prolonged mark ー counts as a hyphen only next to a digit.
    /// One unit for one.
    static func fold(_ units: [UInt16]) -> [UInt16] {
        var out = units.map { unit -> UInt16 in
            switch unit {
            case 0xFF01...0xFF5E: unit - 0xFEE0
            case 0x2010...0x2015, 0x2212, 0xFE63: 0x2D
            case 0x301C: 0x7E
            case 0x3000: 0x20
            case 0xFFE5: 0xA5
            default: unit
            }
        }
        func isDigit(_ i: Int) -> Bool { out.indices.contains(i) && isASCIIDigit(out[i]) }
        for i in out.indices where out[i] == 0x30FC || out[i] == 0xFF70 {
            if isDigit(i - 1) || isDigit(i + 1) { out[i] = 0x2D }
        }
        return out
    }

    @inline(__always) static func isASCIIDigit(_ u: UInt16) -> Bool { (0x30...0x39).contains(u) }
}

extension PIIMasker.Span.Kind {
    var placeholder: String {
        switch self {
        case .mail: "〔メール〕"
        case .phone: "〔電話番号〕"
        case .postal: "〔郵便番号〕"
        case .number: "〔番号〕"
        }
    }
}
