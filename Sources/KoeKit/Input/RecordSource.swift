/// A reader of one input format, behind `RecordReader`: yields records in input order with
/// their problems, and reports problems about the input as a whole to a `DiagnosticLog`.
protocol RecordSource: AnyObject {
    /// The next record, or nil at the end; throws only for I/O errors.
    func next() throws -> RecordDraft?
}

/// Collects diagnostics until the caller takes them.
final class DiagnosticLog {
    let file: String
    private(set) var entries: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func add(_ severity: Diagnostic.Severity, _ message: String, line: Int = 0, column: Int = 0) {
        entries.append(Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
    }

    func take() -> [Diagnostic] {
        defer { entries.removeAll() }
        return entries
    }
}
