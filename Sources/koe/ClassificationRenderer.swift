import KoeKit

/// Renders records' results (or errors) as JSON lines or CSV/TSV rows. Runs on the worker
/// threads: each renders its slice of a batch into one byte buffer.
struct ClassificationRenderer: Sendable {
    let format: ClassifyCommand.OutputFormat
    let includeText: Bool
    let keepFields: Bool
    /// CSV/TSV with `--keep-fields`: the input columns after koe's own.
    var keptColumns: KeptColumns?
    /// CSV/TSV in CP932 (`--output-encoding cp932`) instead of UTF-8.
    var cp932 = false

    /// koe's own CSV/TSV columns.
    static func ownColumns(includeText: Bool) -> [String] {
        ["id", "stance", "dominant", "score", "topic", "signals"] + (includeText ? ["text"] : []) + ["error"]
    }

    var header: String? {
        guard format != .jsonl else { return nil }
        let names = Self.ownColumns(includeText: includeText) + (keptColumns?.headerNames.map(cell) ?? [])
        return names.joined(separator: format == .csv ? "," : "\t")
    }

    /// The rendered lines of `records` (each ending in a newline), appended to `out`, and
    /// their counts.
    func render(
        _ records: ArraySlice<Record>, with classifier: Classifier, into out: ByteBuffer
    ) -> (bytes: ByteBuffer, summary: ClassifySummary) {
        var summary = ClassifySummary()
        let utf8 = cp932 ? ByteBuffer(capacity: 1 << 16) : out
        records.withUnsafeBufferPointer { records in
            // Indexing the buffer lends each record to `render` without copying its fields.
            for i in records.indices {
                var kept: [String] = []
                if let keptColumns {
                    let (values, unplaced) = keptColumns.values(records[i])
                    kept = values
                    summary.unplacedFields += unplaced.count
                    if summary.firstUnplaced == nil { summary.firstUnplaced = unplaced.first }
                }
                summary.count(render(records[i], kept: kept, with: classifier, to: utf8))
                utf8.append(0x0A)
            }
        }
        if cp932 {
            utf8.withBytes { CP932Encoder.shared.encode($0, into: out, replacements: &summary.unencodable) }
        }
        return (out, summary)
    }

    /// Appends one record's line (without newline); returns how it came out. `kept` are the
    /// `--keep-fields` cells of a CSV/TSV row.
    private func render(_ record: borrowing Record, kept: [String], with classifier: Classifier, to out: ByteBuffer) -> ClassifySummary.Outcome {
        if format == .jsonl {
            JSONBytes.append("{\"id\":", to: out)
            if let id = record.id { JSONBytes.appendString(id, to: out) } else { JSONBytes.appendDecimal(record.number, to: out) }
        }
        if let error = record.error {
            renderError(record, message: error, kept: kept, to: out)
            return .error(error)
        }
        // The subject line and the body, as `koe report` reads them.
        let (text, subjectLength) = record.classifiedText
        if Self.isBlank(text) {
            renderSkip(record, reason: "blank text", kept: kept, to: out)
            return .blank
        }
        do {
            switch format {
            case .jsonl: return .classified(try renderJSON(record, text: text, subjectLength: subjectLength, with: classifier, to: out))
            case .csv, .tsv:
                let c = try classifier.classify(text)
                renderRow(c, record: record, text: text, kept: kept, to: out)
                return .classified(c.stance)
            }
        } catch {
            renderError(record, message: "\(error)", kept: kept, to: out)
            return .error("\(error)")
        }
    }

    /// Empty or only white space (ASCII, U+3000 and the like): nothing to classify. Runs on
    /// every record, so it looks at scalars directly (most texts stop at their first one).
    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// A record with nothing to classify: `{"id":…,"skipped":"blank text","source":…}`, or a
    /// CSV/TSV row with stance `skipped` and the reason in the last column.
    private func renderSkip(_ record: Record, reason: String, kept: [String], to out: ByteBuffer) {
        renderInstead(record, member: "skipped", message: reason, kept: kept, to: out)
    }

    /// `text`: the subject line and the body (`Record.classifiedText`); with a subject, the line
    /// also carries `"subject"`, so `koe cluster` knows the first line of `"text"` is one.
    private func renderJSON(_ record: borrowing Record, text: String, subjectLength: Int, with classifier: Classifier, to out: ByteBuffer) throws -> Stance {
        var text = text
        let stance = try text.withUTF8 { utf8 in
            let stance = try classifier.classifyJSON(utf8: utf8, appendingTo: out)
            if includeText {
                if subjectLength > 0, let subject = record.subject {
                    JSONBytes.append(",\"subject\":", to: out)
                    JSONBytes.appendString(subject, to: out)
                }
                JSONBytes.append(",\"text\":", to: out)
                JSONBytes.appendString(utf8: utf8, to: out)
            }
            return stance
        }
        if keepFields && !record.fields.isEmpty {
            JSONBytes.append(",\"fields\":{", to: out)
            for (i, f) in record.fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSONBytes.appendString(f.name, to: out)
                out.append(0x3A)
                if f.isJSON { out.append(f.value) } else { JSONBytes.appendString(f.value, to: out) }
            }
            out.append(0x7D)
        }
        out.append(0x7D)
        return stance
    }

    /// The error members of a JSON line (after the id), or a whole CSV/TSV error row.
    private func renderError(_ record: Record, message: String, kept: [String], to out: ByteBuffer) {
        renderInstead(record, member: "error", message: message, kept: kept, to: out)
    }

    /// A line without labels: JSON members `member` (the message) and `source` after the id, or
    /// a CSV/TSV row as wide as the header with `member` as its stance and the message last.
    private func renderInstead(_ record: Record, member: String, message: String, kept: [String], to out: ByteBuffer) {
        switch format {
        case .jsonl:
            if member == "error" { JSONBytes.append(",\"error\":", to: out) } else { JSONBytes.append(",\"skipped\":", to: out) }
            JSONBytes.appendString(message, to: out)
            JSONBytes.append(",\"source\":", to: out)
            JSONBytes.appendString("\(record.source):\(record.line)", to: out)
            out.append(0x7D)
        case .csv, .tsv:
            let sep = format == .csv ? "," : "\t"
            let empty = Array(repeating: "", count: includeText ? 5 : 4)
            out.append(([cell(id(record)), member] + empty + [cell(message)] + kept.map(cell)).joined(separator: sep))
        }
    }

    private func renderRow(_ c: Classification, record: Record, text: String, kept: [String], to out: ByteBuffer) {
        let sep = format == .csv ? "," : "\t"
        var cells = [cell(id(record)), c.stance.rawValue, c.dominant?.rawValue ?? "", String(c.score), c.topic,
                     c.signals.map(\.id).joined(separator: " ")]
        if includeText { cells.append(cell(text)) }
        out.append((cells + [""] + kept.map(cell)).joined(separator: sep))
    }

    private func id(_ record: Record) -> String { record.id ?? String(record.number) }

    /// CSV: RFC 4180 quoting. TSV: tabs and line breaks become spaces. Either way a cell that
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a `'`
    /// in front; only input text reaches here (the score is written by us and left alone).
    private func cell(_ s: String) -> String {
        let s = Self.isFormula(s) ? "'" + s : s
        if format == .tsv {
            return String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isFormula(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        return "=+-@\t\r＝＋－＠".unicodeScalars.contains(first)
    }
}
