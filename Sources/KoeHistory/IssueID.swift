import KoeKit

/// Issue ids: a one-letter prefix per kind and a number, `I0001`, `F0012`; numbers grow past
/// four digits when they must. The prefix is `I` for issues, `F` for feature requests, else
/// the kind's first ASCII letter upper-cased (`X` when it has none).
enum IssueID {
    static func prefix(forKind kind: String) -> String {
        switch kind {
        case IssueKind.issue.rawValue: return "I"
        case IssueKind.featureRequest.rawValue: return "F"
        default:
            guard let letter = kind.unicodeScalars.first(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return "X" }
            return String(letter).uppercased()
        }
    }

    static func format(_ prefix: String, _ number: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The letters before the number (`I` of `I0042`).
    static func prefix(of id: String) -> String {
        String(id.prefix { !$0.isASCII || !$0.isNumber })
    }

    /// The number of an id in this scheme (`42` of `I0042`), nil for any other id.
    static func number(_ id: String) -> Int? {
        let digits = id.drop { !$0.isASCII || !$0.isNumber }
        guard !digits.isEmpty, digits.count < id.count, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
