/// How an input is laid out.
public enum InputFormat: String, CaseIterable, Sendable {
    /// One record per line; the whole line is the text.
    case text
    /// One JSON object per line.
    case jsonl
    /// A whole JSON document: an array of records, or an object holding one
    /// (`{"tickets": [...]}`), minified or pretty-printed; read whole.
    case json
    /// Comma-separated values with a header row (RFC 4180).
    case csv
    /// Tab-separated values with a header row, quoted like CSV.
    case tsv

    /// The format suggested by a file name's extension: `.jsonl`, `.ndjson` and `.json` are JSON
    /// Lines, `.csv` and `.tsv` are themselves, anything else (and stdin) is plain text. Only a
    /// hint: without `--input-format` the content decides (`InputSniffer`), and the name only
    /// settles what the content leaves open.
    public static func guess(path: String?) -> InputFormat {
        guard let path, path != "-" else { return .text }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "jsonl", "ndjson", "json": return .jsonl
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        default: return .text
        }
    }
}

extension InputFormat {
    /// The name in messages: `CSV`, `JSON Lines`…
    public var displayName: String {
        switch self {
        case .text: "text lines"
        case .jsonl: "JSON Lines"
        case .json: "a JSON document"
        case .csv: "CSV"
        case .tsv: "TSV"
        }
    }
}

extension InputFormat {
    /// What an option implies about the format: `--text-field` only makes sense for JSON,
    /// `--text-column` only for CSV/TSV.
    public enum Family: Sendable { case json, table }
}
