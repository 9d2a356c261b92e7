/// Reads canonical records from plain text, JSON Lines, CSV or TSV, streaming: memory is
/// bounded by the longest record, not by the input.
///
/// Every input item comes back as a record, in input order; one that cannot be read properly
/// has `Record.error` set, and reading goes on after it. Problems are also reported as
/// compiler-style diagnostics (`tickets.csv:12:5: error: unterminated quoted field (opened
/// here)`) for stderr: take them with `takeDiagnostics()` as you go.
///
/// ```swift
/// let reader = try RecordReader(path: "tickets.csv", format: .csv)
/// while let record = try reader.next() {
///     for d in reader.takeDiagnostics() { /* "koe: \(d)" to stderr */ }
///     // classify record.text, or emit an error record when record.error != nil
/// }
/// for d in reader.takeDiagnostics() { /* end-of-input notes, e.g. blank lines skipped */ }
/// ```
public final class RecordReader {
    /// The file name as given, or `<stdin>`.
    public let source: String
    public let format: InputFormat
    /// The encoding in use: `.utf8` or `.cp932` (what `.auto` settled on).
    public let encoding: InputEncoding
    /// The CSV/TSV header's column names (empty for other formats and for an empty input).
    public let columns: [String]
    private let buffer: InputBuffer
    private let records: any RecordSource
    private let log: DiagnosticLog
    private var finished = false

    /// Opens `path` (nil or `-`: standard input) and reads as far as the encoding and, for
    /// CSV/TSV, the header need. Throws `InputError`: `.cannotOpen` when the file is missing;
    /// `.unknownField`/`.noTextField` when the mapping does not fit the header (usage errors);
    /// `.invalidHeader`; `.readFailed`.
    public convenience init(
        path: String?, format: InputFormat, encoding: InputEncoding = .auto, mapping: FieldMapping = .init()
    ) throws {
        try self.init(source: ByteSource(path: path), format: format, encoding: encoding, mapping: mapping)
    }

    /// Reads `bytes` from memory, at most `maxRead` bytes at a time (tests use tiny reads to
    /// cross buffer boundaries everywhere).
    convenience init(
        bytes: [UInt8], name: String = "<memory>", maxRead: Int = .max, format: InputFormat,
        encoding: InputEncoding = .auto, mapping: FieldMapping = .init()
    ) throws {
        let source = ByteSource(bytes: bytes, name: name, maxRead: maxRead)
        try self.init(source: source, format: format, encoding: encoding, mapping: mapping)
    }

    private init(source: ByteSource, format: InputFormat, encoding: InputEncoding, mapping: FieldMapping) throws {
        self.source = source.name
        self.format = format
        let log = DiagnosticLog(file: source.name)
        let buffer = try Self.decodingErrors(source.name) { try InputBuffer(source: source, encoding: encoding) }
        self.log = log
        self.buffer = buffer
        self.encoding = buffer.encoding
        if encoding == .auto && buffer.encoding == .cp932 { log.add(.note, "decoding as CP932") }
        switch format {
        case .text:
            records = TextRecordSource(buffer: buffer)
            columns = []
        case .jsonl:
            records = JSONLRecordSource(buffer: buffer, mapping: mapping, log: log)
            columns = []
        case .csv, .tsv:
            let separator = format == .csv ? UInt8(ascii: ",") : 0x09
            let csv = try Self.decodingErrors(source.name) {
                try CSVRecordSource(buffer: buffer, separator: separator, mapping: mapping, log: log)
            }
            records = csv
            columns = csv.columns
            reportSubstitutions(throughLine: csv.headerLine)
        }
    }

    /// The next record, or nil at the end of input. Throws only when reading fails
    /// (`InputError.readFailed`, `.decodingFailed`): bad records come back with `error` set.
    public func next() throws -> Record? {
        guard !finished else { return nil }
        guard let draft = try Self.decodingErrors(source, records.next) else {
            finished = true
            reportSubstitutions(throughLine: .max)
            return nil
        }
        return finish(draft)
    }

    /// Diagnostics not taken yet.
    public var diagnostics: [Diagnostic] { log.entries }

    /// Returns the diagnostics so far and forgets them; call it as you go so they reach stderr
    /// near the records they are about.
    public func takeDiagnostics() -> [Diagnostic] { log.take() }

    /// Turns a draft's issues into `error`/`warnings` and diagnostics.
    private func finish(_ draft: consuming RecordDraft) -> Record {
        let substitutions = buffer.takeSubstitutions(throughLine: draft.endLine)
        // The common case, a clean record, is handed on as it is.
        if substitutions.isEmpty && draft.issues.isEmpty { return draft.record }
        if let first = substitutions.first {
            let more = substitutions.count > 1 ? " (and \(substitutions.count - 1) more)" : ""
            draft.warning("invalid CP932 bytes replaced with U+FFFD at byte \(first.column)\(more)",
                          line: first.line, column: first.column)
        }
        var record = draft.record
        var errors: [String] = []
        for issue in draft.issues {
            log.add(issue.isError ? .error : .warning, issue.message, line: issue.line, column: issue.column)
            let located = issue.line == record.line ? issue.message : "line \(issue.line): \(issue.message)"
            if issue.isError { errors.append(issue.message) } else { record.warnings.append(located) }
        }
        if !errors.isEmpty {
            let line = draft.issues.first(where: \.isError)?.line ?? record.line
            record.error = "line \(line): " + errors.joined(separator: "; ")
        }
        return record
    }

    /// Reports CP932 substitutions outside records (the header, blank lines).
    private func reportSubstitutions(throughLine line: Int) {
        for s in buffer.takeSubstitutions(throughLine: line) {
            log.add(.warning, "invalid CP932 bytes replaced with U+FFFD at byte \(s.column)", line: s.line, column: s.column)
        }
    }

    private static func decodingErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ICUError {
            throw InputError.decodingFailed(path: path, reason: error.description)
        }
    }
}
