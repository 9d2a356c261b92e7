/// An absolute `http` or `https` address given on the command line (`--report-url`, the
/// `--ticket-url` template). Only characters a URL may carry unencoded are accepted, so the
/// text can go into HTML attributes, Markdown link destinations and Slack's `<url|text>`
/// after each format's own escaping, and nothing in it can end the link early.
public struct WebURL: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// The longest address accepted; reports repeat ticket links many times.
    public static let maximumLength = 1_000

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooLong(Int)
        case scheme
        case host
        case character(Character)

        public var description: String {
            switch self {
            case .empty: "is empty"
            case let .tooLong(n): "is \(n) characters long (at most \(WebURL.maximumLength))"
            case .scheme: "must start with http:// or https://"
            case .host: "has no host name after the scheme"
            case let .character(c):
                "contains \(c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")) (\(c.isWhitespace || c.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) ? "space or control character" : "'\(c)'")), which a URL cannot hold unencoded; percent-encode it"
            }
        }
    }

    public init(_ text: String) throws(Problem) {
        guard !text.isEmpty else { throw .empty }
        guard text.count <= Self.maximumLength else { throw .tooLong(text.count) }
        if let bad = text.first(where: { !Self.isURLCharacter($0) }) { throw .character(bad) }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            throw .scheme
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        guard !host.isEmpty, host.first != ":" else { throw .host }
        self.text = text
    }

    public var description: String { text }

    /// RFC 3986 unreserved and reserved characters and `%`: printable ASCII without space,
    /// `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`.
    static func isURLCharacter(_ c: Character) -> Bool {
        guard c.isASCII, let v = c.asciiValue, v > 0x20, v < 0x7F else { return false }
        return !"\"<>\\^`{|}".contains(c)
    }
}
