import Foundation

/// One ticket's rating as written in the export, read without knowing the scale yet: an
/// integer from 0 to 10 (`4`, `４`, `★4`, `4/5`, `4点`, `4.0`, `★★★★☆`), or a value that is
/// there but cannot be read as one (`4.5`, `good`, `12`). A blank cell is no rating at all
/// (nil), not an unreadable one.
public enum RatingReading: Sendable, Equatable {
    /// `outOf`: the scale's top when the value names it (`4/5` → 5, `9/10` → 10, five stars → 5).
    case value(Int, outOf: Int?)
    case unreadable

    /// The largest value any scale koe knows uses (NPS: 0–10).
    public static let largest = 10

    public init?(_ raw: String?) {
        guard let raw else { return nil }
        // The usual cell, one to three ASCII digits, is read from its bytes: the answer
        // `general` gives, without its Foundation trimming and Character walks.
        if let n = Self.plainDigits(raw) {
            self = n <= Self.largest ? .value(n, outOf: nil) : .unreadable
            return
        }
        guard let reading = Self.general(raw) else { return nil }
        self = reading
    }

    /// `raw` read in any form it may take; nil when it is blank.
    static func general(_ raw: String) -> RatingReading? {
        let text = normalized(raw)
        guard !text.isEmpty else { return nil }
        return read(text) ?? .unreadable
    }

    /// The value of `raw` when it is one to three ASCII digits and nothing else.
    static func plainDigits(_ raw: String) -> Int? {
        let bytes = raw.utf8
        guard !bytes.isEmpty, bytes.count <= 3 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// Full-width digits and signs as ASCII, surrounding spaces (also U+3000) dropped.
    static func normalized(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0F: out.append("/")
            case 0xFF0E: out.append(".")
            default: out.append(scalar)
            }
        }
        return String(out).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func read(_ text: String) -> RatingReading? {
        // A row of stars: ★ filled, ☆ empty (`★★★★☆` is 4 of 5).
        if text.allSatisfy({ $0 == "★" || $0 == "☆" }) {
            let filled = text.filter { $0 == "★" }.count
            return text.count == 5 ? .value(filled, outOf: 5) : (text.count == filled && filled <= 5 ? .value(filled, outOf: nil) : nil)
        }
        var body = Substring(text)
        for prefix in ["★", "星"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
        if body.hasSuffix("点") { body = body.dropLast() }
        var top: Int?
        if let slash = body.firstIndex(of: "/") {
            guard let t = integer(body[body.index(after: slash)...]), t == 5 || t == 10 else { return nil }
            top = t
            body = body[..<slash]
        }
        guard let n = integer(body), n >= 0, n <= (top ?? largest) else { return nil }
        return .value(n, outOf: top)
    }

    /// `4`, `04`, `4.0`, `4.00` → 4; anything with a non-zero fraction or another character → nil.
    private static func integer(_ text: Substring) -> Int? {
        var whole = text
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            whole = text[..<dot]
        }
        guard !whole.isEmpty, whole.count <= 3, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(whole)
    }
}
