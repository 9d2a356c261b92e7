/// CSV/TSV input: a header row naming the columns, then one record per row. Ragged rows are
/// kept (missing cells empty, extra cells as `_extra1`…) with a warning; a row with an
/// unterminated quote is an error record, and reading goes on after it.
final class CSVRecordSource: RecordSource {
    private let parser: CSVParser
    private let name: String
    private let log: DiagnosticLog
    /// Column names from the header row; empty for an empty input.
    private(set) var columns: [String] = []
    private var roleColumns: [(role: FieldRole, index: Int)] = []
    private var number = 0
    private var headerEndLine = 0

    /// Reads the header row and matches `mapping` against it. Throws `InputError.invalidHeader`,
    /// `.unknownField` (an explicit name not in the header) or `.noTextField`.
    init(buffer: InputBuffer, separator: UInt8, mapping: FieldMapping, log: DiagnosticLog) throws {
        parser = CSVParser(buffer: buffer, separator: separator)
        name = buffer.source.name
        self.log = log
        guard let header = try parser.nextRow() else { return }
        if let error = header.issues.first(where: \.isError) {
            throw InputError.invalidHeader(path: name, line: error.line, column: error.column, message: error.message)
        }
        headerEndLine = header.endLine
        for issue in header.issues { log.add(.warning, issue.message, line: issue.line, column: issue.column) }
        columns = Self.names(header.fields, line: header.line, log: log)
        try resolve(mapping)
    }

    /// The last line of the header row (0 when there is none).
    var headerLine: Int { headerEndLine }

    func next() throws -> RecordDraft? {
        guard let row = try parser.nextRow() else {
            if parser.blankLines > 0 {
                let plural = parser.blankLines == 1 ? "blank line" : "blank lines"
                log.add(.warning, "\(parser.blankLines) \(plural) skipped (first at line \(parser.firstBlankLine)); they are not records")
            }
            return nil
        }
        number += 1
        var draft = RecordDraft(number: number, source: name, line: row.line)
        draft.endLine = row.endLine
        draft.issues = row.issues
        var values = row.fields
        let width = columns.count
        if values.count < width {
            if !row.isBroken {
                draft.warning("row has \(values.count) of \(width) fields; the missing ones are empty", line: row.line, column: 1)
            }
            values += repeatElement("", count: width - values.count)
        }
        var fields = zip(columns, values).map { RecordField(name: $0, value: $1) }
        if values.count > width {
            let extra = values.count - width
            let names = (1...extra).map { "_extra\($0)" }
            fields += zip(names, values[width...]).map { RecordField(name: $0, value: $1) }
            let kept = extra == 1 ? names[0] : "\(names[0])…\(names[extra - 1])"
            draft.warning("row has \(values.count) fields, the header \(width); extra fields kept as \(kept)", line: row.line, column: 1)
        }
        draft.record.fields = fields
        for (role, index) in roleColumns {
            let value = values[index]
            draft.record[role] = role == .text || !value.isEmpty ? value : nil
        }
        return draft
    }

    /// Header names, with empty ones named `_columnN`; warns about empty and duplicate names.
    private static func names(_ fields: [String], line: Int, log: DiagnosticLog) -> [String] {
        var seen: [[UInt8]: Int] = [:]
        var names: [String] = []
        for (i, field) in fields.enumerated() {
            var name = field
            if field.allSatisfy(\.isWhitespace) {
                name = "_column\(i + 1)"
                log.add(.warning, "column \(i + 1) has no name in the header; named '\(name)'", line: line)
            }
            if let first = seen[FieldRole.matchKey(name)] {
                log.add(.warning, "duplicate column name '\(name)' (columns \(first + 1) and \(i + 1)); the first is used", line: line)
            } else {
                seen[FieldRole.matchKey(name)] = i
            }
            names.append(name)
        }
        return names
    }

    /// Which column fills each field, in field order.
    var resolved: [(role: FieldRole, name: String)] { roleColumns.map { ($0.role, columns[$0.index]) } }

    /// Columns no field uses.
    var unusedColumns: [String] {
        let used = Set(roleColumns.map(\.index))
        return columns.indices.filter { !used.contains($0) }.map { columns[$0] }
    }

    /// Matches each field to a column: an explicit name must exist; a default name takes the
    /// first column it matches that no earlier field took.
    private func resolve(_ mapping: FieldMapping) throws {
        let keys = columns.map(FieldRole.matchKey)
        let exact = columns.map { Array($0.utf8) }
        var taken = Set<Int>()
        for role in FieldRole.allCases {
            if let explicit = mapping[role] {
                guard let i = ColumnName(explicit).index(in: exact, keys: keys) else {
                    throw InputError.unknownField(path: name, name: explicit, role: role.rawValue, available: columns)
                }
                roleColumns.append((role, i))
                taken.insert(i)
            } else if let i = role.defaultNames.lazy.compactMap({ Self.free(ColumnName($0), exact, keys, taken) }).first {
                roleColumns.append((role, i))
                taken.insert(i)
            } else if role == .text {
                throw InputError.noTextField(path: name, tried: role.defaultNames, available: columns)
            }
        }
    }

    /// The first column `name` matches that is not taken.
    private static func free(_ name: ColumnName, _ exact: [[UInt8]], _ keys: [[UInt8]], _ taken: Set<Int>) -> Int? {
        if !name.isWildcard, let i = exact.indices.first(where: { exact[$0] == name.bytes && !taken.contains($0) }) { return i }
        return keys.indices.first { !taken.contains($0) && name.matches(key: keys[$0]) }
    }
}
