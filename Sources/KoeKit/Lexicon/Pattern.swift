/// A lexicon pattern parsed from its source text (see lexicons/README.md, "The pattern
/// language"): literal runs, alternation, optional parts, word classes, `<num>`, the
/// negation operators and gaps. Columns are 1-based Characters of the pattern, so
/// diagnostics can point into the source line.
public struct Pattern: Sendable, Equatable {
    public indirect enum Node: Sendable, Equatable {
        /// Literal text, already normalised (NFKC, lower-case ASCII).
        case literal(String)
        /// One of the alternatives (an empty sequence is an empty alternative).
        case choice([[Node]])
        case wordClass(name: String, column: Int)
        case number
        /// `WORD<neg>` / `WORD<cannot>`: conjugates what precedes it in the expansion.
        case negation(Negation, column: Int)
        /// `…{N}`: up to `max` characters of the same sentence (top level only).
        case gap(max: Int)
    }

    public enum Negation: String, Sendable { case neg, cannot }

    public let nodes: [Node]

    /// The default and largest reach of a gap, in characters.
    public static let defaultGap = 8
    public static let maxGap = 20

    /// Whether the pattern uses `<neg>` or `<cannot>` anywhere, in its word classes too (then
    /// it matches like `prefix`: its forms carry their own ending).
    public func hasNegation(classes: [String: WordClass]) -> Bool {
        var visited: Set<String> = []
        return Pattern.containsNegation(nodes, classes, &visited)
    }

    private static func containsNegation(_ nodes: [Node], _ classes: [String: WordClass], _ visited: inout Set<String>) -> Bool {
        for node in nodes {
            switch node {
            case .negation: return true
            case let .choice(alternatives):
                for a in alternatives where containsNegation(a, classes, &visited) { return true }
            case let .wordClass(name, _):
                guard visited.insert(name).inserted, let c = classes[name] else { continue }
                if containsNegation(c.pattern.nodes, classes, &visited) { return true }
            default: continue
            }
        }
        return false
    }
}

/// A syntax error in a pattern, with the 1-based column (in Characters) it points at.
public struct PatternError: Error, Equatable, Sendable {
    public let column: Int
    public let message: String
}

extension Pattern {
    /// Parses `source`; `topLevelAlternation` lets the whole text be `A|B|C` (class bodies).
    public init(parsing source: String, topLevelAlternation: Bool = false) throws(PatternError) {
        var parser = PatternParser(Array(source.unicodeScalars))
        let alternatives = try parser.alternatives(closing: nil, allowGaps: !topLevelAlternation)
        if alternatives.count > 1 && !topLevelAlternation {
            throw PatternError(column: parser.barColumn ?? 1, message: "'|' outside parentheses (write (A|B))")
        }
        nodes = alternatives.count == 1 ? alternatives[0] : [.choice(alternatives)]
    }
}

/// Recursive descent over the pattern's scalars (columns count scalars: the same as
/// Characters for the text lexicons hold).
private struct PatternParser {
    let chars: [Unicode.Scalar]
    var i = 0
    /// Where the first top-level `|` was, for the error message.
    var barColumn: Int?

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    /// Kana, kanji and lower-case ASCII are unchanged by normalisation: most literals skip ICU.
    static func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { c in
            switch c.value {
            case 0x61...0x7A, 0x30...0x39, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3005, 0x4E00...0x9FFF: true
            default: false
            }
        }
    }

    var column: Int { i + 1 }

    mutating func alternatives(closing: Unicode.Scalar?, allowGaps: Bool) throws(PatternError) -> [[Pattern.Node]] {
        var result: [[Pattern.Node]] = []
        var current: [Pattern.Node] = []
        var literal = ""
        func flush() {
            guard !literal.isEmpty else { return }
            let normalized = PatternParser.isInert(literal) ? literal : (try? Normalizer.normalize(literal)) ?? literal
            current.append(.literal(normalized))
            literal = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "(", "[":
                flush()
                let open = column
                i += 1
                let inner = try alternatives(closing: c == "(" ? ")" : "]", allowGaps: false)
                guard i < chars.count else {
                    throw PatternError(column: open, message: "'\(c)' is never closed")
                }
                i += 1
                current.append(.choice(c == "[" ? inner + [[]] : inner))
            case ")", "]":
                guard c == closing else { throw PatternError(column: column, message: "unexpected '\(c)'") }
                flush()
                result.append(current)
                return result
            case "|":
                flush()
                if closing == nil && barColumn == nil { barColumn = column }
                result.append(current)
                current = []
                i += 1
            case "@":
                flush()
                let start = column
                i += 1
                var name = ""
                while i < chars.count, chars[i].isASCII, chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i]) || chars[i] == "_" {
                    name.unicodeScalars.append(chars[i])
                    i += 1
                }
                guard !name.isEmpty, LexiconParser.isIdentifier(name) else {
                    throw PatternError(column: start, message: "'@' must be followed by a class name (snake_case ASCII)")
                }
                current.append(.wordClass(name: name, column: start))
            case "<":
                flush()
                let start = column
                guard let close = chars[i...].firstIndex(of: ">") else {
                    throw PatternError(column: start, message: "'<' is never closed (use <num>, <neg> or <cannot>)")
                }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
                i = close + 1
                switch name {
                case "num": current.append(.number)
                case "neg", "cannot":
                    guard !current.isEmpty else {
                        throw PatternError(column: start, message: "<\(name)> needs a word before it (来る<neg>)")
                    }
                    current.append(.negation(Pattern.Negation(rawValue: name)!, column: start))
                default:
                    throw PatternError(column: start, message: "unknown operator <\(name)> (use <num>, <neg> or <cannot>)")
                }
            case "…":
                flush()
                let start = column
                guard allowGaps else {
                    throw PatternError(column: start, message: "a gap '…' may only stand at the top level of a pattern")
                }
                i += 1
                var reach = Pattern.defaultGap
                if i < chars.count, chars[i] == "{" {
                    guard let close = chars[i...].firstIndex(of: "}"), let n = Int(String(String.UnicodeScalarView(chars[(i + 1)..<close]))),
                        n >= 1, n <= Pattern.maxGap
                    else {
                        throw PatternError(column: column, message: "a gap's reach is written …{N} with N from 1 to \(Pattern.maxGap)")
                    }
                    reach = n
                    i = close + 1
                }
                guard !current.isEmpty || !result.isEmpty, i < chars.count else {
                    throw PatternError(column: start, message: "a gap '…' needs a part on each side")
                }
                if case .gap? = current.last {
                    throw PatternError(column: start, message: "two gaps in a row")
                }
                current.append(.gap(max: reach))
            case ">", "{", "}":
                throw PatternError(column: column, message: "unexpected '\(c)'")
            default:
                literal.unicodeScalars.append(c)
                i += 1
            }
        }
        guard closing == nil else { return result }  // the caller reports the unclosed bracket
        flush()
        result.append(current)
        return result
    }
}
