/// A problem found in a lexicon file, reported compiler-style:
/// `lexicons/ja/churn.tsv:12:5: error: unknown signal 'chrun_intent'`.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public let file: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message)"
    }
}
