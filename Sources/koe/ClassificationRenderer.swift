import KoeKit

/// Renders one record's result (or its error) as a JSON line or a CSV/TSV row. Runs on the
/// worker threads, so it only builds bytes.
struct ClassificationRenderer: Sendable {
    let format: ClassifyCommand.OutputFormat
    let includeText: Bool
    let keepFields: Bool

    var header: String? {
        switch format {
        case .jsonl: nil
        case .csv: "id,stance,dominant,score,topic,signals" + (includeText ? ",text" : "")
        case .tsv: "id\tstance\tdominant\tscore\ttopic\tsignals" + (includeText ? "\ttext" : "")
        }
    }

    /// The rendered bytes (without newline) and the stance (nil for an error record).
    func render(_ record: Record, with classifier: Classifier) -> ([UInt8], Stance?) {
        let out = ByteWriter.collecting()
        let id = record.id ?? String(record.number)
        if let error = record.error {
            renderError(out, id: id, record: record, message: error)
            return (out.take(), nil)
        }
        do {
            let c = try classifier.classify(record.text)
            switch format {
            case .jsonl: renderJSON(out, c, id: id, record: record)
            case .csv, .tsv: renderRow(out, c, id: id, record: record)
            }
            return (out.take(), c.stance)
        } catch {
            renderError(out, id: id, record: record, message: "\(error)")
            return (out.take(), nil)
        }
    }

    private func idJSON(_ id: String, _ record: Record) -> String {
        record.id == nil ? id : jsonString(id)
    }

    private func renderJSON(_ out: ByteWriter, _ c: Classification, id: String, record: Record) {
        out.appendClassification(c, idJSON: idJSON(id, record))
        if includeText { out.append(",\"text\":"); out.appendJSONString(record.text) }
        if keepFields && !record.fields.isEmpty {
            out.append(",\"fields\":{")
            for (i, f) in record.fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.appendJSONString(f.name)
                out.append(0x3A)
                if f.isJSON { out.append(f.value) } else { out.appendJSONString(f.value) }
            }
            out.append("}")
        }
        out.append("}")
    }

    private func renderError(_ out: ByteWriter, id: String, record: Record, message: String) {
        switch format {
        case .jsonl:
            out.append("{\"id\":\(idJSON(id, record)),\"error\":")
            out.appendJSONString(message)
            out.append(",\"source\":")
            out.appendJSONString("\(record.source):\(record.line)")
            out.append("}")
        case .csv, .tsv:
            let sep = format == .csv ? "," : "\t"
            out.append([cell(id), "error", "", "", "", cell(message)].joined(separator: sep))
        }
    }

    private func renderRow(_ out: ByteWriter, _ c: Classification, id: String, record: Record) {
        let sep = format == .csv ? "," : "\t"
        var cells = [id, c.stance.rawValue, c.dominant?.rawValue ?? "", String(c.score), c.topic,
                     c.signals.map(\.id).joined(separator: " ")]
        if includeText { cells.append(record.text) }
        out.append(cells.map(cell).joined(separator: sep))
    }

    /// CSV: RFC 4180 quoting. TSV: tabs and line breaks become spaces.
    private func cell(_ s: String) -> String {
        if format == .tsv {
            return String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func jsonString(_ s: String) -> String {
        let w = ByteWriter.collecting()
        w.appendJSONString(s)
        return String(decoding: w.take(), as: UTF8.self)
    }
}
