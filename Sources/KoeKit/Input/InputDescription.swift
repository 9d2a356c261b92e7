/// What a `RecordReader` chose for an input and how its columns map to fields: printed once
/// on stderr, so that nothing about reading an input is guessed silently.
public struct InputDescription: Sendable {
    public var source: String
    public var format: InputFormat
    public var encoding: InputEncoding
    /// True when the format was told from the content (no `--input-format`).
    public var sniffed: Bool
    /// E.g. `header: 12 columns`, `3 records in "tickets"`.
    public var detail: String
    /// Which column or JSON key fills each field, in field order (JSON: as in the first record).
    public var mapping: [(role: FieldRole, name: String)]
    /// Columns (or the first record's keys) that no field uses.
    public var unused: [String]
    /// Other notes: CR-only line breaks, why a table was read as text.
    public var notes: [String]

    /// One line: `<stdin>: read as CSV (header: 12 columns, UTF-8); text ← 本文, id ← 番号…`.
    public var summary: String {
        var head = "\(source): read as \(format.displayName)"
        var inParens = [detail].filter { !$0.isEmpty && $0 != format.displayName }
        if encoding != .utf8 { inParens.append(encoding.displayName) }
        if !inParens.isEmpty { head += " (" + inParens.joined(separator: ", ") + ")" }
        var parts = [head]
        if !mapping.isEmpty { parts.append(mapping.map { "\($0.role.rawValue) ← \($0.name)" }.joined(separator: ", ")) }
        if !unused.isEmpty { parts.append("not used: " + unused.joined(separator: ", ")) }
        parts += notes
        return parts.joined(separator: "; ")
    }
}
