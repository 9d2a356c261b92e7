/// Tells the layout of an input from its first decoded bytes, when `--input-format` does not:
/// JSON Lines, a whole JSON document, CSV or TSV with a header, else text lines. A table needs
/// evidence — the same number of fields on every row of the sample and a header that names a
/// known text column (or one named by a flag) — so that prose with commas stays text.
enum InputSniffer {
    typealias Family = InputFormat.Family

    struct Verdict {
        var format: InputFormat
        /// For the stderr line, e.g. `header: 12 columns`.
        var detail: String
        /// Why a table-looking input was still read as text, or other advice.
        var advice: String?
    }

    /// `sample` is the start of the decoded input (all of it when `complete`).
    static func sniff(
        _ sample: UnsafeBufferPointer<UInt8>, complete: Bool, implied: Family?, hint: InputFormat, mapping: FieldMapping
    ) -> Verdict {
        var i = 0
        while i < sample.count, sample[i] == 0x20 || sample[i] == 0x09 || sample[i] == 0x0A || sample[i] == 0x0D { i += 1 }
        if i < sample.count, sample[i] == UInt8(ascii: "[") || sample[i] == UInt8(ascii: "{"),
           let verdict = json(sample, from: i, complete: complete, mapping: mapping) {
            return verdict
        }
        if let table = table(sample, complete: complete, implied: implied, hint: hint, mapping: mapping) { return table }
        if implied == .json { return Verdict(format: .jsonl, detail: "as --text-field implies") }
        if implied == .table || hint == .csv || hint == .tsv {
            let format: InputFormat = hint == .tsv ? .tsv : .csv
            return Verdict(format: format, detail: implied == .table ? "as --text-column implies" : "by the file name")
        }
        var verdict = Verdict(format: .text, detail: "one record per line")
        if let shape = tableShape(sample, complete: complete) {
            let why = namesTextColumn(shape, mapping)
                ? " but no complete row follows the header (a quote left open?); pass --text-column to read it as a table"
                : " but none is a known text column; name it with --text-column to read it as a table"
            verdict.advice = "it looks like \(shape.separator == 0x09 ? "TSV" : "CSV") with columns "
                + shape.header.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (shape.header.count > 6 ? ", …" : "") + why
        }
        return verdict
    }

    /// JSON Lines when the first line is a whole object and more lines follow; a document when
    /// the sample parses as one (up to where it is cut off); nil when it only starts like JSON
    /// (`[至急] ログインできません`, `{重要} 請求の件:` are text).
    private static func json(_ sample: UnsafeBufferPointer<UInt8>, from start: Int, complete: Bool, mapping: FieldMapping) -> Verdict? {
        let document = Verdict(format: .json, detail: "a JSON document")
        guard sample[start] == UInt8(ascii: "{"), let newline = sample[start...].firstIndex(of: 0x0A) else {
            return parsesAsDocument(sample, from: start, complete: complete) ? document : nil
        }
        let lines = completeLines(sample, from: start, complete: complete)
        guard let first = lines.first, let (value, _, _) = try? JSONLineParser.parse(first) else {
            // `{` or `{"tickets": [` alone on the first line: pretty-printed. A broken first line
            // of JSON Lines must not swallow the objects after it.
            if parsesAsDocument(sample, from: start, complete: complete) { return document }
            let more = lines.dropFirst().prefix(5).contains { (try? JSONLineParser.parse($0).members) != nil }
            return more ? Verdict(format: .jsonl, detail: "JSON Lines") : nil
        }
        let rest = sample[(newline + 1)...].contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        // A lone object may be an API response holding the records, and so may every line of
        // concatenated pages (`jq -c . page*.json`): the document reader unpacks them.
        let wrapper = JSONDocumentRecordSource.recordArray(
            in: value, first, mapping: mapping, presets: ColumnPresets.current, alone: false) != nil
        return (rest || !complete) && !wrapper ? Verdict(format: .jsonl, detail: "JSON Lines") : document
    }

    /// True when the sample starts with a whole object or array of objects (a syntax error
    /// after it is the document reader's to report), or is one cut off by the sample's end.
    private static func parsesAsDocument(_ sample: UnsafeBufferPointer<UInt8>, from start: Int, complete: Bool) -> Bool {
        let rest = UnsafeBufferPointer(rebasing: sample[start...])
        let (values, error) = JSONLineParser.values(rest)
        if let first = values.first {
            return first.kind == .object
                || (first.kind == .array && JSONLineParser.elements(of: first, in: rest).first.map { $0.kind == .object } ?? true)
        }
        guard let error else { return false }
        return !complete && error.offset >= rest.count
    }

    /// The sample's non-blank lines from `start` that end inside it, trimmed.
    private static func completeLines(
        _ sample: UnsafeBufferPointer<UInt8>, from start: Int, complete: Bool
    ) -> [UnsafeBufferPointer<UInt8>] {
        var lines: [UnsafeBufferPointer<UInt8>] = []
        var lineStart = start
        var i = start
        while i <= sample.count && lines.count < 8 {
            if i == sample.count && !complete { break }
            if i == sample.count || sample[i] == 0x0A {
                var a = lineStart, b = i
                while a < b, sample[a] == 0x20 || sample[a] == 0x09 || sample[a] == 0x0D { a += 1 }
                while b > a, sample[b - 1] == 0x20 || sample[b - 1] == 0x09 || sample[b - 1] == 0x0D { b -= 1 }
                if b > a { lines.append(UnsafeBufferPointer(rebasing: sample[a..<b])) }
                lineStart = i + 1
            }
            i += 1
        }
        return lines
    }

    /// CSV or TSV, when the sample has a consistent table with a usable text column.
    private static func table(
        _ sample: UnsafeBufferPointer<UInt8>, complete: Bool, implied: Family?, hint: InputFormat, mapping: FieldMapping
    ) -> Verdict? {
        guard let shape = tableShape(sample, complete: complete) else { return nil }
        let named = namesTextColumn(shape, mapping)
        guard named || implied == .table || hint == .csv || hint == .tsv else { return nil }
        // A lone line ("text, please call me back") is no evidence of a header.
        if shape.rows == 0 && implied != .table && hint != .csv && hint != .tsv { return nil }
        // With --text-field a table must name that field to count as evidence against JSON.
        if implied == .json && !named { return nil }
        let format: InputFormat = shape.separator == 0x09 ? .tsv : .csv
        return Verdict(format: format, detail: "header: \(shape.header.count) columns")
    }

    /// Whether the header names a column the presets (or --text-column) read text from.
    private static func namesTextColumn(_ shape: Shape, _ mapping: FieldMapping) -> Bool {
        let names = mapping.candidates(for: .text).map(ColumnName.init)
        return shape.header.map(FieldRole.matchKey).contains { key in names.contains { $0.matches(key: key) } }
    }

    struct Shape {
        let separator: UInt8
        let header: [String]
        /// Complete rows after the header in the sample.
        let rows: Int
    }

    /// The separator (tab or comma) that splits the sample's first row into 2+ fields and
    /// nearly every later row into as many (quotes respected), with the header's names.
    static func tableShape(_ sample: UnsafeBufferPointer<UInt8>, complete: Bool) -> Shape? {
        var best: Shape?
        for separator: UInt8 in [0x09, 0x2C] {
            let rows = rowWidths(sample, separator: separator, complete: complete)
            guard let header = rows.header, header.count >= 2 else { continue }
            let body = rows.widths
            let matching = body.filter { $0 == header.count }.count
            guard body.isEmpty || matching * 10 >= body.count * 9 else { continue }
            if best == nil || header.count > best!.header.count {
                best = Shape(separator: separator, header: header, rows: body.count)
            }
        }
        return best
    }

    /// The header row's cells and the field count of each following complete row.
    private static func rowWidths(
        _ sample: UnsafeBufferPointer<UInt8>, separator: UInt8, complete: Bool
    ) -> (header: [String]?, widths: [Int]) {
        var header: [String]?
        var widths: [Int] = []
        var cell: [UInt8] = []
        var cells: [String] = []
        var fields = 1
        var quoted = false
        var rowHasContent = false
        func endRow() {
            if header == nil {
                cells.append(String(decoding: cell, as: UTF8.self))
                header = cells
            } else if rowHasContent {
                widths.append(fields)
            }
            fields = 1
            cell.removeAll()
            rowHasContent = false
        }
        var i = 0
        // A hundred rows are evidence enough; the rest of the sample need not be walked.
        while i < sample.count && widths.count < 100 {
            let b = sample[i]
            i += 1
            if quoted {
                if b == 0x22 {
                    if i < sample.count && sample[i] == 0x22 { i += 1; if header == nil { cell.append(b) } } else { quoted = false }
                } else if header == nil {
                    cell.append(b)
                }
                continue
            }
            switch b {
            case 0x22: quoted = true; rowHasContent = true
            case separator:
                fields += 1
                rowHasContent = true
                if header == nil { cells.append(String(decoding: cell, as: UTF8.self)); cell.removeAll() }
            case 0x0A: endRow()
            case 0x0D: break
            default:
                rowHasContent = true
                if header == nil { cell.append(b) }
            }
        }
        let atEnd = complete && i == sample.count
        if atEnd && !quoted && rowHasContent { endRow() }
        if header == nil && atEnd && !quoted { endRow() }
        return (header, widths)
    }
}
