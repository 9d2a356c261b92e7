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
    /// The format in use (what the content showed, without an explicit one).
    public let format: InputFormat
    /// The encoding in use: never `.auto` (what it settled on).
    public let encoding: InputEncoding
    /// The CSV/TSV header's column names (empty for other formats and for an empty input).
    public let columns: [String]
    private let buffer: InputBuffer
    private let records: any RecordSource
    private let log: DiagnosticLog
    private var finished = false

    /// Opens `path` (nil or `-`: standard input) and reads as far as the encoding, the format
    /// and, for CSV/TSV, the header need. With `format` nil the content decides
    /// (`InputSniffer`); `implied` is what the options imply (`--text-field`: JSON). Throws
    /// `InputError`: `.cannotOpen` when the file is missing; `.unsupportedInput` for binary
    /// input; `.unknownField`/`.noTextField`/`.formatConflict` when the options do not fit the
    /// input (usage errors); `.invalidHeader`; `.presetsUnavailable`; `.readFailed`.
    /// `interactive` makes reading hand on each record as soon as its bytes arrive, without
    /// waiting for a sample (`--unbuffered`; automatic at a terminal).
    public convenience init(
        path: String?, format: InputFormat?, implied: InputFormat.Family? = nil, encoding: InputEncoding = .auto,
        mapping: FieldMapping = .init(), interactive: Bool = false
    ) throws {
        let source = try ByteSource(path: path)
        if interactive { source.isInteractive = true }
        try self.init(source: source, format: format, implied: implied, encoding: encoding, mapping: mapping)
    }

    /// Reads `bytes` from memory, at most `maxRead` bytes at a time (tests use tiny reads to
    /// cross buffer boundaries everywhere).
    convenience init(
        bytes: [UInt8], name: String = "<memory>", maxRead: Int = .max, format: InputFormat?,
        implied: InputFormat.Family? = nil, encoding: InputEncoding = .auto, mapping: FieldMapping = .init()
    ) throws {
        let source = ByteSource(bytes: bytes, name: name, maxRead: maxRead)
        try self.init(source: source, format: format, implied: implied, encoding: encoding, mapping: mapping)
    }

    private init(
        source: ByteSource, format: InputFormat?, implied: InputFormat.Family?, encoding: InputEncoding, mapping: FieldMapping
    ) throws {
        self.source = source.name
        let log = DiagnosticLog(file: source.name)
        let buffer = try Self.decodingErrors(source.name) { try InputBuffer(source: source, encoding: encoding) }
        self.log = log
        self.buffer = buffer
        self.encoding = buffer.encoding
        var description = InputDescription(
            source: source.name, format: format ?? .text, encoding: buffer.encoding, sniffed: format == nil,
            detail: "", mapping: [], unused: [], notes: [])
        if format == nil {
            try Self.decodingErrors(source.name) { try buffer.prefill(InputEncoding.sniffLength) }
            let window = buffer.bytes(0..<buffer.count)
            if window.contains(0x0D) && !window.contains(0x0A) {
                buffer.translateCarriageReturns()
                description.notes.append("line breaks are CR only (old Mac): each CR ends a line")
            }
            let name = source.name == "<stdin>" ? nil : source.name
            let verdict = InputSniffer.sniff(
                buffer.bytes(0..<buffer.count), complete: buffer.atEnd, implied: implied,
                hint: InputFormat.guess(path: name), mapping: mapping)
            try Self.checkConflict(verdict, implied: implied, path: source.name)
            description.format = verdict.format
            description.detail = verdict.detail
            if let advice = verdict.advice { description.notes.append(advice) }
        }
        self.format = description.format
        if self.format != .text, case let .failure(problem) = ColumnPresets.builtIn {
            throw InputError.presetsUnavailable(problem)
        }
        switch self.format {
        case .text:
            records = TextRecordSource(buffer: buffer)
            columns = []
        case .jsonl:
            records = JSONLRecordSource(buffer: buffer, mapping: mapping, log: log)
            columns = []
            (description.mapping, description.unused) = Self.firstLineMapping(buffer, mapping: mapping)
        case .json:
            let document = try Self.decodingErrors(source.name) {
                try JSONDocumentRecordSource(buffer: buffer, mapping: mapping, presets: ColumnPresets.current)
            }
            records = document
            columns = []
            description.detail = document.shape
            description.mapping = document.firstMapping.map { ($0.0, $0.1) }
            description.unused = document.unusedKeys
        case .csv, .tsv:
            let separator = self.format == .csv ? UInt8(ascii: ",") : 0x09
            let csv = try Self.decodingErrors(source.name) {
                try CSVRecordSource(buffer: buffer, separator: separator, mapping: mapping, log: log)
            }
            records = csv
            columns = csv.columns
            description.detail = "header: \(csv.columns.count) columns"
            description.mapping = csv.resolved
            description.unused = csv.unusedColumns
        }
        layout = description
        if let csv = records as? CSVRecordSource { reportSubstitutions(throughLine: csv.headerLine) }
    }

    /// What was chosen and how columns map to fields, for one line on stderr.
    public let layout: InputDescription

    /// Bytes of the input read so far (undecoded; reading runs a buffer ahead of the records).
    public var bytesRead: Int { buffer.source.bytesRead }

    /// The input's size when it is a regular file; nil for standard input, pipes and terminals.
    public var totalBytes: Int? { buffer.source.size }

    private static func checkConflict(_ verdict: InputSniffer.Verdict, implied: InputFormat.Family?, path: String) throws {
        switch (implied, verdict.format) {
        case (.json?, .csv), (.json?, .tsv):
            throw InputError.formatConflict(
                path: path, message: "--text-field names a JSON field, but this input is \(verdict.format.displayName) (\(verdict.detail)); name the column with --text-column")
        case (.table?, .json), (.table?, .jsonl):
            throw InputError.formatConflict(
                path: path, message: "--text-column names a CSV/TSV column, but this input is \(verdict.format.displayName); name the field with --text-field")
        default:
            return
        }
    }

    /// The mapping of the first JSON line in the window, if a whole one is there.
    private static func firstLineMapping(_ buffer: InputBuffer, mapping: FieldMapping) -> ([(role: FieldRole, name: String)], [String]) {
        let window = buffer.bytes(0..<buffer.count)
        var start = 0
        while start < window.count, window[start] == 0x0A || window[start] == 0x0D || window[start] == 0x20 { start += 1 }
        guard start < window.count else { return ([], []) }
        let end = window[start...].firstIndex(of: 0x0A) ?? (buffer.atEnd ? window.count : -1)
        guard end > start else { return ([], []) }
        var draft = RecordDraft(number: 1, source: "", line: 1)
        let used = JSONRecordMapper(mapping: mapping).fill(&draft, from: UnsafeBufferPointer(rebasing: window[start..<end]), line: 1)
        let top = Set(used.map { $0.1.split(separator: ".").first.map(String.init) ?? $0.1 })
        return (used.map { ($0.0, $0.1) }, draft.record.fields.map(\.name).filter { !top.contains($0) })
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
        // Swapped out, not copied: a copy would retain each of its strings and arrays, and
        // dropping the draft release them again, per record.
        if substitutions.isEmpty && draft.issues.isEmpty {
            var record = Record(number: 0, source: "", line: 0)
            swap(&record, &draft.record)
            return record
        }
        if let first = substitutions.first {
            let more = substitutions.count > 1 ? " (and \(substitutions.count - 1) more)" : ""
            draft.warning("invalid \(buffer.encoding.displayName) bytes replaced with U+FFFD at byte \(first.column)\(more)",
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
            log.add(.warning, "invalid \(buffer.encoding.displayName) bytes replaced with U+FFFD at byte \(s.column)", line: s.line, column: s.column)
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
