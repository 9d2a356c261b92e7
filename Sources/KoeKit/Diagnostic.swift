/// A problem in a lexicon file or an input, for stderr, in compiler style:
/// `lexicons/ja/churn.tsv:12:5: error: unknown signal 'chrun_intent'`,
/// `tickets.csv:12:5: error: unterminated quoted field (opened here)`.
/// `line` and `column` are 1-based; 0 means the message is about the whole file. Input
/// columns count bytes of UTF-8 text (of the decoded text for CP932 input), like compilers do.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }

    public let file: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if line > 0 && column > 0 { place += ":\(column)" }
        return "\(place): \(severity.rawValue): \(message)"
    }
}
