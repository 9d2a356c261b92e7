/// A canonical record field, with the input column or JSON key names that fill it by default.
public enum FieldRole: String, CaseIterable, Sendable {
    case text, id, subject
    case createdAt = "created_at"
    case channel
    case accountID = "account_id"
    case customerID = "customer_id"
    case plan, status, tags, rating

    /// Names tried in order when no explicit name is given; the first one present wins.
    /// Matching ignores case and surrounding white space. They are data:
    /// `lexicons/input/columns.tsv` (`ColumnPresets`), covering Zendesk, Freshdesk, Intercom,
    /// HubSpot, Japanese spreadsheet headers, Google Forms and app-store review exports.
    public var defaultNames: [String] { ColumnPresets.current.names(for: self) }

    /// The form names are compared in, byte for byte: surrounding white space (ASCII and
    /// U+3000) trimmed, ASCII letters lower-cased. Japanese names have no case; leaving other
    /// scripts alone keeps matching fast and predictable.
    static func matchKey(_ name: some StringProtocol) -> [UInt8] {
        matchKey(Array(name.utf8))
    }

    static func matchKey(_ bytes: [UInt8]) -> [UInt8] {
        func spaceLength(at i: Int, backwards: Bool) -> Int {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { return 1 }
            let s = backwards ? i - 2 : i
            if s >= 0 && s + 2 < bytes.count && bytes[s] == 0xE3 && bytes[s + 1] == 0x80 && bytes[s + 2] == 0x80 { return 3 }
            return 0
        }
        var start = 0
        var end = bytes.count
        while start < end, case let n = spaceLength(at: start, backwards: false), n > 0 { start += n }
        while end > start, case let n = spaceLength(at: end - 1, backwards: true), n > 0 { end -= n }
        return bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
