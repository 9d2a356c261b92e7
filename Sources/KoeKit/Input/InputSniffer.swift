import Foundation

/// Decides how an input is laid out when no format was given, from its first bytes: files that
/// cannot be read as text are refused, UTF-16 is recognised by its byte order mark, and the
/// first line tells JSON Lines, a whole JSON document, a CSV/TSV header or plain text lines.
enum InputSniffer {
    /// How an input without a given format is read.
    enum Layout: Equatable {
        case format(InputFormat)
        /// One JSON value holding the records (an array, or an object with an array of them).
        case jsonDocument
    }

    /// Why the input cannot be read at all, from its first bytes; nil when it may be text.
    /// NUL bytes count only when `sniffing`: with a format given they are data.
    static func refusal(_ head: [UInt8], sniffing: Bool) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return "a ZIP archive (an .xlsx workbook is one): save the sheet as CSV (UTF-8) and read that"
        }
        if starts([0x1F, 0x8B]) { return "gzip-compressed: decompress it first (gunzip -c FILE | koe …)" }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "an old Excel/Office file (.xls): save the sheet as CSV (UTF-8) and read that" }
        if starts(Array("%PDF".utf8)) { return "a PDF: export the text or a CSV first" }
        // NUL bytes do not occur in text (UTF-16 without a BOM has them every other byte).
        if sniffing && !starts([0xFF, 0xFE]) && !starts([0xFE, 0xFF]) && head.contains(0) {
            return "binary data (NUL bytes), or UTF-16 without a byte order mark: convert it to UTF-8"
        }
        return nil
    }

    /// The byte order of a UTF-16 input, from its byte order mark.
    static func utf16ByteOrder(_ head: [UInt8]) -> String.Encoding? {
        guard head.count >= 2 else { return nil }
        if head[0] == 0xFF && head[1] == 0xFE { return .utf16LittleEndian }
        if head[0] == 0xFE && head[1] == 0xFF { return .utf16BigEndian }
        return nil
    }

    /// The layout of decoded UTF-8 `bytes` (the start of the input), with the reason in words.
    /// A first line is a CSV/TSV header when it splits into two or more short fields and one
    /// of them names the text column, or into three or more short fields without sentence
    /// punctuation; a line of text with a comma stays text.
    static func layout(_ bytes: UnsafeBufferPointer<UInt8>, mapping: FieldMapping) -> (Layout, String) {
        var i = 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return (.format(.text), "empty") }
        let lineEnd = bytes[i...].firstIndex { $0 == 0x0A } ?? bytes.count
        var line = Array(bytes[i..<lineEnd])
        if line.last == 0x0D { line.removeLast() }
        if bytes[i] == UInt8(ascii: "[") { return (.jsonDocument, "it starts with a JSON array") }
        if bytes[i] == UInt8(ascii: "{") {
            let trimmed = line.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.first == UInt8(ascii: "}") {
                // A minified API response is one line too: an object that holds an array of
                // records and no text of its own is a document, not the first of many lines.
                if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] {
                    let textKeys = Set(mapping.candidates(for: .text).map { FieldRole.matchKey($0) })
                    let hasText = object.keys.contains { textKeys.contains(FieldRole.matchKey($0)) }
                    let holdsRecords = object.values.contains { ($0 as? [Any])?.contains { $0 is [String: Any] } ?? false }
                    if !hasText && holdsRecords { return (.jsonDocument, "its first line is a JSON object holding an array of records") }
                }
                return (.format(.jsonl), "its first line is a JSON object")
            }
            return (.jsonDocument, "it starts with a JSON object that spans lines")
        }
        let tabs = line.filter { $0 == 0x09 }.count, commas = line.filter { $0 == UInt8(ascii: ",") }.count
        guard tabs + commas > 0 else { return (.format(.text), "no separator in the first line") }
        let separator: UInt8 = tabs >= commas ? 0x09 : UInt8(ascii: ",")
        let fields = line.split(separator: separator, omittingEmptySubsequences: false).map { field -> [UInt8] in
            var f = Array(field)
            if f.count >= 2 && f.first == 0x22 && f.last == 0x22 { f = Array(f.dropFirst().dropLast()) }
            return FieldRole.matchKey(f)
        }
        let short = fields.allSatisfy { !$0.isEmpty && $0.count <= 64 }
        let sentence = fields.contains { f in
            let s = String(decoding: f, as: UTF8.self)
            return s.contains { "。！？!?、".contains($0) }
        }
        let textNames = Set(mapping.candidates(for: .text).map { FieldRole.matchKey($0) })
        let namesText = fields.contains { textNames.contains($0) }
        let kind: InputFormat = separator == 0x09 ? .tsv : .csv
        if fields.count >= 2 && short && (namesText || (fields.count >= 3 && !sentence)) {
            return (.format(kind), "its first line is a header of \(fields.count) columns")
        }
        return (.format(.text), "its first line is no header")
    }
}
