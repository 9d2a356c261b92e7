/// A token as strings and scalar offsets: for tests, `koe explain` and other cold paths.
public struct TokenView: Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let norm: String
    /// Unicode scalar offsets into the original line, end exclusive.
    public let start: Int
    public let end: Int
    public let kind: TokenKind

    public var description: String { "\(start)-\(end) \(kind.name) \(text) \(norm)" }
}

extension TextAnalyzer {
    /// The last analysed line's tokens as strings.
    public func tokenViews() -> [TokenView] {
        tokens.map { token in
            let start = originalStart(token.start)
            let end = originalEnd(token.end)
            return TokenView(
                text: originalString(from: start, to: end),
                norm: normalizedString(from: token.start, to: token.end),
                start: Int(scalarOffset(start)), end: Int(scalarOffset(end)), kind: token.kind)
        }
    }

    /// The original line between two UTF-16 offsets.
    public func originalString(from: Int32, to: Int32) -> String {
        UTF16Text.string(originalUnits[Int(from)..<Int(to)])
    }

    /// The normalised line between two normalised offsets.
    public func normalizedString(from: Int32, to: Int32) -> String {
        UTF16Text.string(normalizedUnits[Int(from)..<Int(to)])
    }

    public var normalizedText: String { UTF16Text.string(normalizedUnits) }
}
