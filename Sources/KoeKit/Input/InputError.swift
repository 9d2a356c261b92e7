/// Problems with reading input, with the location they refer to.
///
/// Exit codes for the CLI: `cannotOpen` 66; `readFailed` and `decodingFailed` 74;
/// `unknownField`, `noTextField` and `formatConflict` are usage errors (64: the options do not
/// fit the input); `invalidHeader` and `unsupportedInput` are bad data (65);
/// `presetsUnavailable` is configuration (78). Problems inside records are never thrown: they
/// come back as `Record.error` and diagnostics.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// An explicitly mapped column (`role` is the canonical field, e.g. `text`) is not in the header.
    case unknownField(path: String, name: String, role: String, available: [String])
    /// No column of the header is a known text column, and none was named.
    case noTextField(path: String, tried: [String], available: [String])
    /// The CSV/TSV header row cannot be read (e.g. an unterminated quote).
    case invalidHeader(path: String, line: Int, column: Int, message: String)
    /// The input could not be decoded at all (not merely a bad byte: those become U+FFFD).
    case decodingFailed(path: String, reason: String)
    /// The input is not text (a gzip file, an .xlsx workbook, binary data): refused, with advice.
    case unsupportedInput(path: String, kind: String, advice: String)
    /// An option implies one format and the content is clearly another (`--text-field` with CSV).
    case formatConflict(path: String, message: String)
    /// The column presets (`lexicons/input/columns.tsv`) are missing or broken.
    case presetsUnavailable(Diagnostic)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): error: cannot open: \(reason)"
        case let .readFailed(path, reason): "\(path): error: read failed: \(reason)"
        case let .unknownField(path, name, role, available):
            "\(path): error: no column '\(name)' for \(role); the header has: \(Self.list(available))"
        case let .noTextField(path, tried, available):
            "\(path): error: no text column (tried \(tried.joined(separator: ", "))); the header has: "
                + "\(Self.list(available)); name the text column explicitly"
        case let .invalidHeader(path, line, column, message): "\(path):\(line):\(column): error: header row: \(message)"
        case let .decodingFailed(path, reason): "\(path): error: cannot decode: \(reason)"
        case let .unsupportedInput(path, kind, advice): "\(path): error: this is \(kind), not text; \(advice)"
        case let .formatConflict(path, message): "\(path): error: \(message)"
        case let .presetsUnavailable(diagnostic): "\(diagnostic)"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(no columns)" : names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
