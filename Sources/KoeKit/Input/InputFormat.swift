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

    /// The format a file name's extension settles: `.jsonl` and `.ndjson` are JSON Lines,
    /// `.csv` and `.tsv` are themselves; nil for anything else (`.json`, `.txt` — Excel saves
    /// its UTF-16 「Unicode テキスト」 as .txt —, no extension, stdin): then the content decides
    /// (`RecordReader` sniffs it).
    public static func guess(path: String?) -> InputFormat? {
        guard let path, path != "-" else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        default: return nil
        }
    }

    /// How messages name the format.
    public var title: String {
        switch self {
        case .text: "text lines"
        case .jsonl: "JSON Lines"
        case .csv: "CSV"
        case .tsv: "TSV"
        }
    }
}
