import ArgumentParser
import KoeReport

/// `-o FILE` picks the output format from FILE's extension unless `--format` names one, so
/// `-o voc.html` never silently holds Markdown. An extension that names another command's
/// format is a usage error; an unknown one (or none) keeps the command's default.
enum OutputFormatInference {
    /// The lower-cased extension of the file name in `path`, without the dot.
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    static func report(path: String?) throws -> ReportFormat? {
        guard let path, path != "-", let ext = fileExtension(path) else { return nil }
        switch ext {
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "json": return .json
        case "csv", "tsv", "jsonl", "ndjson":
            throw ValidationError("koe report writes Markdown, HTML, JSON or a Slack digest, not .\(ext) (-o \(path)); give --format to write it anyway")
        default: return nil
        }
    }

    static func classify(path: String?) throws -> ClassifyCommand.OutputFormat? {
        guard let path, path != "-", let ext = fileExtension(path) else { return nil }
        switch ext {
        case "jsonl", "ndjson", "json": return .jsonl
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "md", "markdown", "html", "htm":
            throw ValidationError("koe classify writes JSON Lines, CSV or TSV, not .\(ext) (-o \(path)); the report is koe report")
        default: return nil
        }
    }
}
