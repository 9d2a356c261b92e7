/// Parses one lexicon file's text. Knows three declaration files by name (`signals.tsv`,
/// `topics.tsv`, `words.tsv`); every other `.tsv` is an entry file. Never throws: every
/// problem becomes a `Diagnostic` with its line and column, and parsing goes on.
public struct LexiconParser {
    public struct RawEntry: Sendable {
        public let pattern: String
        public let targets: [(text: String, column: Int)]
        public let weight: Double
        public let inflection: Inflection
        public let location: SourceLocation
    }

    public struct Result: Sendable {
        public var entries: [RawEntry] = []
        public var signals: [SignalDeclaration] = []
        public var topics: [TopicDeclaration] = []
        public var words: [String] = []
        public var stopwords: [String] = []
        public var examples: [LexiconExample] = []
        public var diagnostics: [Diagnostic] = []
    }

    public enum FileKind: Hashable, Sendable { case signals, topics, words, stopwords, entries }

    public static func kind(ofFileNamed name: String) -> FileKind {
        switch name {
        case "signals.tsv": .signals
        case "topics.tsv": .topics
        case "words.tsv": .words
        case "stopwords.tsv": .stopwords
        default: .entries
        }
    }

    let file: String
    let kind: FileKind
    var result = Result()

    public static func parse(_ text: String, file: String, kind: FileKind) -> Result {
        var parser = LexiconParser(file: file, kind: kind)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") {
                parser.warn(1, 1, "byte order mark at the start of the file (lexicons are UTF-8 without BOM)")
                line = line.dropFirst()
            }
            parser.parseLine(String(line), lineNumber)
        }
        return parser.result
    }

    mutating func parseLine(_ line: String, _ n: Int) {
        if line.hasPrefix("#>") { parseExample(line, n); return }
        if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var starts: [Int] = []
        var col = 1
        for c in columns { starts.append(col); col += c.count + 1 }
        switch kind {
        case .words, .stopwords:
            guard let word = columns.first, !word.isEmpty else { return error(n, 1, "empty word") }
            if word != word.trimmingSpaces { warn(n, 1, "word '\(word)' has surrounding spaces") }
            if kind == .words { result.words.append(word.trimmingSpaces) } else { result.stopwords.append(word.trimmingSpaces) }
        case .signals: parseSignal(columns, starts, n)
        case .topics: parseTopic(columns, starts, n)
        case .entries: parseEntry(columns, starts, n)
        }
    }

    mutating func parseSignal(_ c: [String], _ at: [Int], _ n: Int) {
        guard c.count >= 2 else { return error(n, 1, "expected 'id<TAB>family<TAB>label'") }
        guard LexiconParser.isIdentifier(c[0]) else { return error(n, 1, "invalid signal id '\(c[0])' (snake_case ASCII)") }
        guard let family = SignalFamily(rawValue: c[1]) else {
            return error(n, at[1], "unknown family '\(c[1])' (dissatisfaction, success or action)")
        }
        result.signals.append(SignalDeclaration(
            id: c[0], family: family, label: c.count > 2 ? c[2] : c[0], location: loc(n)))
    }

    mutating func parseTopic(_ c: [String], _ at: [Int], _ n: Int) {
        guard LexiconParser.isIdentifier(c[0]) else { return error(n, 1, "invalid topic id '\(c[0])' (snake_case ASCII)") }
        result.topics.append(TopicDeclaration(id: c[0], label: c.count > 1 ? c[1] : c[0], location: loc(n)))
    }

    mutating func parseEntry(_ c: [String], _ at: [Int], _ n: Int) {
        guard c.count >= 2 && c.count <= 4 else {
            return error(n, 1, "expected 'pattern<TAB>target[<TAB>weight[<TAB>inflection]]', found \(c.count) column(s)")
        }
        let pattern = c[0]
        guard !pattern.isEmpty else { return error(n, 1, "empty pattern") }
        if pattern != pattern.trimmingSpaces { return error(n, 1, "pattern '\(pattern)' has surrounding spaces") }
        var targets: [(String, Int)] = []
        var col = at[1]
        for t in c[1].split(separator: ",", omittingEmptySubsequences: false) {
            let text = String(t).trimmingSpaces
            if text.isEmpty { return error(n, col, "empty target") }
            targets.append((text, col))
            col += t.count + 1
        }
        var weight = 1.0
        if c.count > 2 && !c[2].isEmpty {
            guard let w = Double(c[2]), w >= 0, w.isFinite else {
                return error(n, at[2], "invalid weight '\(c[2])' (a decimal ≥ 0)")
            }
            weight = w
        }
        guard let inflection = Inflection(column: c.count > 3 ? c[3] : "") else {
            let known = Inflection.allCases.map(\.rawValue).joined(separator: " ")
            return error(n, at[3], "unknown inflection class '\(c[3])' (one of: \(known))")
        }
        if case let .failure(.expectedEnding(ending)) = inflection.stems(of: pattern) {
            return error(n, 1, "pattern '\(pattern)' does not fit inflection '\(inflection.rawValue)': expected it to end in \(ending)")
        }
        result.entries.append(RawEntry(
            pattern: pattern, targets: targets, weight: weight, inflection: inflection, location: loc(n)))
    }

    mutating func parseExample(_ line: String, _ n: Int) {
        let body = line.dropFirst(2)
        guard let arrow = body.range(of: "=>") else { return error(n, 3, "example needs 'TEXT => EXPECTATION'") }
        let text = String(body[..<arrow.lowerBound]).trimmingSpaces
        guard !text.isEmpty else { return error(n, 3, "example has no text") }
        var expectations: [LexiconExample.Expectation] = []
        let arrowColumn = line.distance(from: line.startIndex, to: arrow.upperBound) + 1
        for part in body[arrow.upperBound...].split(separator: ",") {
            let e = String(part).trimmingSpaces
            if e.hasPrefix("stance=") {
                let s = String(e.dropFirst(7))
                guard ["dissatisfaction", "success", "neutral", "mixed"].contains(s) else {
                    return error(n, arrowColumn, "unknown stance '\(s)'")
                }
                expectations.append(.stance(s))
            } else if e.hasPrefix("topic=") {
                expectations.append(.topic(String(e.dropFirst(6))))
            } else if e.hasPrefix("!") && LexiconParser.isIdentifier(String(e.dropFirst())) {
                expectations.append(.noSignal(String(e.dropFirst())))
            } else if LexiconParser.isIdentifier(e) {
                expectations.append(.signal(e))
            } else {
                return error(n, arrowColumn, "cannot read expectation '\(e)'")
            }
        }
        guard !expectations.isEmpty else { return error(n, arrowColumn, "example has no expectation") }
        result.examples.append(LexiconExample(text: text, expectations: expectations, location: loc(n)))
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    func loc(_ n: Int) -> SourceLocation { SourceLocation(file: file, line: n) }

    mutating func error(_ n: Int, _ col: Int, _ message: String) {
        result.diagnostics.append(Diagnostic(file: file, line: n, column: col, severity: .error, message: message))
    }

    mutating func warn(_ n: Int, _ col: Int, _ message: String) {
        result.diagnostics.append(Diagnostic(file: file, line: n, column: col, severity: .warning, message: message))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{3000}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\u{3000}" { s = s.dropLast() }
        return String(s)
    }
}
