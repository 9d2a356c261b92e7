/// Parses one lexicon file's text. Knows three declaration files by name (`signals.tsv`,
/// `topics.tsv`, `words.tsv`); every other `.tsv` is an entry file. Never throws: every
/// problem becomes a `Diagnostic` with its line and column, and parsing goes on.
///
/// Lines and columns are found by scanning UTF-8 bytes and kept as substrings of the file's
/// text; only the values stored in the result become `String`s. Columns in messages still
/// count Characters.
public struct LexiconParser {
    public struct RawEntry: Sendable {
        public let pattern: String
        public let parsed: Pattern
        public let targets: [(text: String, column: Int)]
        public let weight: Double
        public let inflection: Inflection
        /// Whether the inflection column was filled in (a `<neg>` word's class is inferred otherwise).
        public let inflectionGiven: Bool
        public let location: SourceLocation
    }

    public struct Result: Sendable {
        public var entries: [RawEntry] = []
        public var signals: [SignalDeclaration] = []
        public var topics: [TopicDeclaration] = []
        public var words: [String] = []
        public var classes: [WordClass] = []
        public var stopwords: [String] = []
        public var synonyms: [SynonymSet] = []
        public var spellings: [Spelling] = []
        public var units: [ShortUnit] = []
        public var examples: [LexiconExample] = []
        public var diagnostics: [Diagnostic] = []
    }

    public enum FileKind: Hashable, Sendable { case signals, topics, words, stopwords, synonyms, spellings, units, classes, entries }

    /// The kind of the file at `path`: files in a `classes` folder define word classes.
    public static func kind(ofFile path: String) -> FileKind {
        let parts = path.split(separator: "/")
        if parts.count >= 2 && parts[parts.count - 2] == "classes" { return .classes }
        return kind(ofFileNamed: String(parts.last ?? ""))
    }

    public static func kind(ofFileNamed name: String) -> FileKind {
        switch name {
        case "signals.tsv": .signals
        case "topics.tsv": .topics
        case "words.tsv": .words
        case "stopwords.tsv": .stopwords
        case "synonyms.tsv": .synonyms
        case "spellings.tsv": .spellings
        case "units.tsv": .units
        default: .entries
        }
    }

    let file: String
    let kind: FileKind
    var result = Result()

    public static func parse(_ text: String, file: String, kind: FileKind) -> Result {
        var parser = LexiconParser(file: file, kind: kind)
        for (index, rawLine) in lines(of: text).enumerated() {
            let lineNumber = index + 1
            var line = rawLine
            // A CR still at the end (a last line ending in CR; CR LF pairs are split off already).
            if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
            // On a later line too (files joined with cat): left in, the pattern never matches.
            if line.unicodeScalars.first == "\u{FEFF}" {
                parser.warn(lineNumber, 1, lineNumber == 1
                    ? "byte order mark at the start of the file (lexicons are UTF-8 without BOM)"
                    : "byte order mark at the start of the line (removed; lexicons are UTF-8 without BOM)")
                line = Substring(line.unicodeScalars.dropFirst())
            }
            parser.parseLine(line, lineNumber)
        }
        return parser.result
    }

    /// Splits `text` into lines at every LF, without the CR of a CR LF pair: a lexicon saved
    /// with Windows line endings reads like any other.
    static func lines(of text: String) -> [Substring] {
        var text = text
        // (end of the line's content, LF) byte offsets.
        let breaks = text.withUTF8 { bytes in
            bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { lf in
                (end: lf > 0 && bytes[lf - 1] == UInt8(ascii: "\r") ? lf - 1 : lf, lf: lf)
            }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for (end, lf) in breaks {
            lines.append(text[start..<utf8.index(utf8.startIndex, offsetBy: end)])
            start = utf8.index(utf8.startIndex, offsetBy: lf + 1)
        }
        lines.append(text[start...])
        return lines
    }

    mutating func parseLine(_ line: Substring, _ n: Int) {
        if line.utf8.first == UInt8(ascii: "#") {
            // `hasPrefix` compares Characters: `#` followed by a combining mark is neither.
            if line.hasPrefix("#>") { parseExample(String(line), n); return }
            if line.hasPrefix("#") { return }
        }
        // Only spaces and tabs: with no other scalar around, each byte is a Character of its own.
        if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        // A tab is always a Character of its own, so splitting bytes splits Characters.
        let columns = Self.columns(of: line)
        switch kind {
        case .words, .stopwords:
            guard let word = columns.first, !word.isEmpty else { return error(n, 1, "empty word") }
            if word.hasSurroundingSpaces { warn(n, 1, "word '\(word)' has surrounding spaces") }
            let trimmed = String(word.trimmingSpaces)
            if kind == .words { result.words.append(trimmed) } else { result.stopwords.append(trimmed) }
        case .classes: parseClass(columns, n)
        case .synonyms: parseSynonyms(columns, n)
        case .spellings: parseSpelling(columns, n)
        case .units: parseUnit(columns, n)
        case .signals: parseSignal(columns, n)
        case .topics: parseTopic(columns, n)
        case .entries: parseEntry(columns, n)
        }
    }

    /// The tab-separated columns of `line` (empty ones included), as slices of it.
    static func columns(of line: Substring) -> [Substring] {
        var columns: [Substring] = []
        columns.reserveCapacity(4)
        let utf8 = line.utf8
        var start = utf8.startIndex, i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\t") {
                columns.append(line[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        columns.append(line[start...])
        return columns
    }

    /// The largest weight a lexicon line may carry (the built-in lexicons use 0.3–2.5).
    static let maxWeight = 100.0

    /// The 1-based column, in Characters, where `columns[index]` starts.
    static func start(ofColumn index: Int, in columns: [Substring]) -> Int {
        columns[..<index].reduce(1) { $0 + $1.count + 1 }
    }

    mutating func parseSignal(_ c: [Substring], _ n: Int) {
        guard c.count >= 2 && c.count <= 4 else { return error(n, 1, "expected 'id<TAB>family<TAB>label<TAB>report'") }
        guard LexiconParser.isIdentifier(c[0]) else { return error(n, 1, "invalid signal id '\(c[0])' (snake_case ASCII)") }
        guard let family = SignalFamily(rawValue: String(c[1])) else {
            return error(n, LexiconParser.start(ofColumn: 1, in: c), "unknown family '\(c[1])' (dissatisfaction, success or action)")
        }
        var report: [ReportRole]?
        if c.count > 3 {
            var roles: [ReportRole] = []
            for value in c[3].split(separator: ",", omittingEmptySubsequences: false) where value != Substring(ReportRole.noneValue) {
                guard let role = ReportRole(rawValue: String(value)) else {
                    let known = (ReportRole.allCases.map(\.rawValue) + [ReportRole.noneValue]).joined(separator: ", ")
                    return error(n, LexiconParser.start(ofColumn: 3, in: c), "unknown report role '\(value)' (\(known))")
                }
                roles.append(role)
            }
            report = roles
        }
        result.signals.append(SignalDeclaration(
            id: String(c[0]), family: family, label: String(c.count > 2 ? c[2] : c[0]), report: report, location: loc(n)))
    }

    mutating func parseTopic(_ c: [Substring], _ n: Int) {
        guard LexiconParser.isIdentifier(c[0]) else { return error(n, 1, "invalid topic id '\(c[0])' (snake_case ASCII)") }
        result.topics.append(TopicDeclaration(id: String(c[0]), label: String(c.count > 1 ? c[1] : c[0]), location: loc(n)))
    }

    mutating func parseEntry(_ c: [Substring], _ n: Int) {
        guard c.count >= 2 && c.count <= 4 else {
            return error(n, 1, "expected 'pattern<TAB>target[<TAB>weight[<TAB>inflection]]', found \(c.count) column(s)")
        }
        guard !c[0].isEmpty else { return error(n, 1, "empty pattern") }
        if c[0].hasSurroundingSpaces { return error(n, 1, "pattern '\(c[0])' has surrounding spaces") }
        let pattern = String(c[0])
        warnAboutRegexHabits(pattern, n, column: 1)
        var targets: [(text: String, column: Int)] = []
        var col = LexiconParser.start(ofColumn: 1, in: c)
        for t in c[1].split(separator: ",", omittingEmptySubsequences: false) {
            let text = t.trimmingSpaces
            if text.isEmpty { return error(n, col, "empty target") }
            targets.append((String(text), col))
            col += t.count + 1
        }
        var weight = 1.0
        if c.count > 2 && !c[2].isEmpty {
            // Plain decimals only: Double() also takes 1e308, 0x10, inf and nan, and a huge
            // weight overflows scores to ±inf (invalid JSON) or traps where it becomes an Int.
            guard c[2].utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 }), c[2].utf8.filter({ $0 == 46 }).count <= 1,
                  c[2].first != ".", c[2].last != ".", let w = Double(c[2]), w <= LexiconParser.maxWeight else {
                return error(n, LexiconParser.start(ofColumn: 2, in: c),
                             "invalid weight '\(c[2])' (a decimal from 0 to \(Int(LexiconParser.maxWeight)), like 1.5)")
            }
            weight = w
        }
        let column = c.count > 3 ? String(c[3]) : ""
        guard let inflection = Inflection(column: column) else {
            let known = Inflection.allCases.map(\.rawValue).joined(separator: " ")
            return error(n, LexiconParser.start(ofColumn: 3, in: c), "unknown inflection class '\(c[3])' (one of: \(known))")
        }
        let parsed: Pattern
        do {
            parsed = try Pattern(parsing: pattern)
        } catch {
            return self.error(n, error.column, error.message)
        }
        result.entries.append(RawEntry(
            pattern: pattern, parsed: parsed, targets: targets, weight: weight, inflection: inflection,
            inflectionGiven: !column.isEmpty && column != "-", location: loc(n)))
    }

    /// `@name <TAB> body`: a word class (files in `classes/`).
    /// Regular-expression habits that the pattern language reads literally, so the line (or
    /// that alternative) silently never matches: an escape (`\?` matches a backslash) and a
    /// quantifier after a group (`(の)?` matches の followed by a question mark; write `[の]`).
    mutating func warnAboutRegexHabits(_ pattern: String, _ n: Int, column: Int) {
        let scalars = Array(pattern)
        if let slash = scalars.firstIndex(of: "\\") {
            warn(n, column + slash,
                 "backslash in pattern '\(pattern)': patterns have no escapes, so it matches a backslash (write ? for ？: text is NFKC-folded)")
        }
        for i in scalars.indices.dropFirst() where (scalars[i - 1] == ")" || scalars[i - 1] == "]") && "?*+".contains(scalars[i]) {
            warn(n, column + i,
                 "'\(scalars[i - 1])\(scalars[i])' in pattern '\(pattern)': '\(scalars[i])' is no quantifier here, it matches itself (write [A|B] for an optional part)")
            break
        }
    }

    mutating func parseClass(_ c: [Substring], _ n: Int) {
        guard c.count == 2 else { return error(n, 1, "expected '@name<TAB>alternatives', found \(c.count) column(s)") }
        guard c[0].hasPrefix("@"), LexiconParser.isIdentifier(c[0].dropFirst()) else {
            return error(n, 1, "a class name is '@' and snake_case ASCII, found '\(c[0])'")
        }
        let body = c[1].trimmingSpaces
        guard !body.isEmpty else { return error(n, LexiconParser.start(ofColumn: 1, in: c), "empty class") }
        warnAboutRegexHabits(String(body), n, column: LexiconParser.start(ofColumn: 1, in: c))
        do {
            let pattern = try Pattern(parsing: String(body), topLevelAlternation: true)
            result.classes.append(WordClass(name: String(c[0].dropFirst()), pattern: pattern, location: loc(n)))
        } catch {
            self.error(n, LexiconParser.start(ofColumn: 1, in: c) + error.column - 1, error.message)
        }
    }

    mutating func parseExample(_ line: String, _ n: Int) {
        let body = line.dropFirst(2)
        guard let arrow = Self.range(of: "=>", in: body) else { return error(n, 3, "example needs 'TEXT => EXPECTATION'") }
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

    /// The first occurrence of the ASCII text `needle` in `text`, by its bytes (Foundation's
    /// `range(of:)` compares Characters, and is slow).
    static func range(of needle: StaticString, in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var i = utf8.startIndex
        while i < utf8.endIndex {
            var j = i, k = 0
            while k < pattern.count, j < utf8.endIndex, utf8[j] == pattern[k] {
                j = utf8.index(after: j)
                k += 1
            }
            if k == pattern.count { return i..<j }
            i = utf8.index(after: i)
        }
        return nil
    }

    static func isIdentifier(_ s: some StringProtocol) -> Bool {
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

extension Substring {
    /// Without leading and trailing spaces, ASCII or ideographic; a slice, so nothing is copied.
    var trimmingSpaces: Substring {
        var s = self
        // Decoding a Character is slow; a space starts with byte 20 or E3 and ends with 20 or 80
        // (U+3000 is E3 80 80), so most strings are settled by their first and last byte.
        while let b = s.utf8.first, b == 0x20 || b == 0xE3, let f = s.first, f == " " || f == "\u{3000}" {
            s = s.dropFirst()
        }
        while let b = s.utf8.last, b == 0x20 || b == 0x80, let l = s.last, l == " " || l == "\u{3000}" {
            s = s.dropLast()
        }
        return s
    }

    /// Trimming only ever shortens, so comparing lengths is enough (and cheaper than comparing text).
    var hasSurroundingSpaces: Bool { trimmingSpaces.utf8.count != utf8.count }
}

extension String {
    var trimmingSpaces: String { String(self[...].trimmingSpaces) }
}
