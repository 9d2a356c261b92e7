/// How an input is laid out.
public enum InputFormat: String, CaseIterable, Sendable {
    /// One record per line; the whole line is the text.
    case text
    /// One JSON object per line.
    case jsonl
    /// Comma-separated values with a header row (RFC 4180).
    case csv
    /// Tab-separated values with a header row, quoted like CSV.
    case tsv

    /// The format suggested by a file name's extension: `.jsonl`, `.ndjson` and `.json` are JSON
    /// Lines, `.csv` and `.tsv` are themselves, anything else (and stdin) is plain text.
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
