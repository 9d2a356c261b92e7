import Foundation

/// The input column names and JSON keys that fill each canonical field when no explicit name
/// is given, read from `lexicons/input/columns.tsv`: export formats change more often than
/// koe, so their header names are data (the file's header comment documents the format).
public struct ColumnPresets: Sendable {
    /// The names for each role, in the order they are tried (wildcard names last).
    private var names: [FieldRole: [String]] = [:]
    /// JSON keys that hold the array of records in a whole JSON document, in order.
    public private(set) var recordKeys: [String] = []

    /// The built-in presets, or why they could not be read. Loaded once.
    public static let builtIn: Result<ColumnPresets, Diagnostic> = {
        guard let url = LexiconLocator.dataFile("input/columns.tsv") else {
            return .failure(Diagnostic(file: "lexicons/input/columns.tsv", line: 0, column: 0, severity: .error,
                                       message: "column presets not found (set \(LexiconLocator.environmentVariable) to the lexicons/ja folder)"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(Diagnostic(file: url.path, line: 0, column: 0, severity: .error, message: "cannot read the column presets"))
        }
        return Result { try ColumnPresets(parsing: String(decoding: data, as: UTF8.self), file: url.path) }
            .mapError { $0 as? Diagnostic ?? Diagnostic(file: url.path, line: 0, column: 0, severity: .error, message: "\($0)") }
    }()

    /// The built-in presets, or none when they could not be read (`RecordReader` refuses
    /// column-based input then, so an empty set is never used silently).
    public static var current: ColumnPresets { (try? builtIn.get()) ?? ColumnPresets() }

    public init() {}

    /// Parses the presets format: `role<TAB>name<TAB>sources`, `#` comments, blank lines.
    /// Throws a `Diagnostic` naming the line of the first problem.
    public init(parsing text: String, file: String) throws {
        var wildcards: [FieldRole: [String]] = [:]
        for (i, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let bytes = raw.last == 0x0D ? raw.dropLast() : raw
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || bytes.first == UInt8(ascii: "#") { continue }
            let cells = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            func fail(_ message: String, column: Int = 1) -> Diagnostic {
                Diagnostic(file: file, line: i + 1, column: column, severity: .error, message: message)
            }
            guard cells.count >= 2, !cells[1].isEmpty else { throw fail("expected role<TAB>name<TAB>sources") }
            let name = cells[1]
            if cells[0] == "records" {
                recordKeys.append(name)
                continue
            }
            guard let role = FieldRole(rawValue: cells[0]) else {
                throw fail("unknown role '\(cells[0])' (known: \(FieldRole.allCases.map(\.rawValue).joined(separator: ", ")), records)")
            }
            if ColumnName(name).isWildcard {
                wildcards[role, default: []].append(name)
            } else {
                names[role, default: []].append(name)
            }
        }
        for (role, list) in wildcards { names[role, default: []] += list }
    }

    /// The names tried for `role`, in order.
    public func names(for role: FieldRole) -> [String] { names[role] ?? [] }
}
