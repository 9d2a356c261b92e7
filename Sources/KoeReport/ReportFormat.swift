/// The output formats of `koe report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, json
}

extension ReportFormat {
    /// The format a file name's extension names (`voc.html` → html); nil for other names.
    public init?(fileName: String) {
        guard fileName != "-", let dot = fileName.lastIndex(of: "."),
              !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "json": self = .json
        default: return nil
        }
    }
}
