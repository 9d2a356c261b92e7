/// What kind of segment a token is, from ICU's word-break rule status.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case number, letter, kana, ideo, symbol, space

    /// Maps an ICU rule status (and the segment's first unit, for spaces) to a kind.
    init(ruleStatus: Int32, firstUnit: UInt16) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<500:
            // ICU gives dictionary words (kana included) the ideographic status: look at the script.
            let isKana = (0x3040...0x30FF).contains(firstUnit) || (0xFF66...0xFF9F).contains(firstUnit)
            self = isKana ? .kana : .ideo
        default: self = TokenKind.isSpace(firstUnit) ? .space : .symbol
        }
    }

    /// Word-like tokens carry content; symbols and spaces do not.
    public var isWordLike: Bool { self != .symbol && self != .space }

    public var name: String {
        switch self {
        case .number: "number"
        case .letter: "letter"
        case .kana: "kana"
        case .ideo: "ideo"
        case .symbol: "symbol"
        case .space: "space"
        }
    }

    static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x3000 || unit == 0xA0 || (unit >= 0x0A && unit <= 0x0D)
            || (unit >= 0x2000 && unit <= 0x200B)
    }

    /// When user words merge tokens of several kinds, the most content-bearing kind wins.
    static func merged(_ a: TokenKind, _ b: TokenKind) -> TokenKind {
        a.contentRank >= b.contentRank ? a : b
    }

    private var contentRank: Int {
        switch self {
        case .ideo: 5
        case .kana: 4
        case .letter: 3
        case .number: 2
        case .symbol: 1
        case .space: 0
        }
    }
}

/// A segment of the normalised text: `start..<end` in UTF-16 units of the normalised buffer.
public struct Token: Equatable, Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind

    public init(start: Int32, end: Int32, kind: TokenKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}
