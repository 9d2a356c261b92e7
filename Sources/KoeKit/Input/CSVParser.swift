/// A streaming RFC 4180 parser over decoded UTF-8 bytes: quoted fields with `""` escapes,
/// line breaks inside quotes, LF or CRLF rows; the separator is `,` for CSV and tab for TSV.
/// It holds one row at a time, so memory is bounded by the longest row, not the input.
///
/// Leniencies, each reported as a warning: a quote inside an unquoted field is kept as a
/// character; text after a closing quote is kept as part of the field. Inside quotes, CRLF is
/// stored as LF. Empty lines between rows are not rows; they are counted in `blankLines`.
///
/// An unterminated quote is found at the end of the input, or earlier when the quote that
/// closes a field running over lines is followed by text (valid CSV never has that, so the
/// opening quote was stray). Recovery: that row becomes a broken row (error at the opening
/// quote, the field cut at the end of that quote's line) and parsing resumes at the next
/// physical line after the opening quote's line. Everything from the row's start is still in
/// the window then, so at most the broken row is affected; the price is that a quote left open
/// to the end of input holds the rest of the input in memory until the end is reached.
final class CSVParser {
    typealias Row = CSVRow

    private enum FieldEnd { case separator, row, broken }

    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    private let buffer: InputBuffer
    private let separator: UInt8
    /// The physical line at the read position.
    private(set) var line = 1
    private(set) var blankLines = 0
    private(set) var firstBlankLine = 0
    private var pos = 0
    private var lineStart = 0
    private var field: [UInt8] = []

    init(buffer: InputBuffer, separator: UInt8) {
        self.buffer = buffer
        self.separator = separator
    }

    /// The next row, or nil at the end of input.
    func nextRow() throws -> Row? {
        guard try skipBlankLines() else { return nil }
        var row = Row(line: line, endLine: line)
        pos = 0
        lineStart = 0
        var end = FieldEnd.separator
        while end == .separator {
            end = try readField(&row)
        }
        if !row.isBroken { row.endLine = pos > 0 && buffer[pos - 1] == Self.lf ? line - 1 : line }
        if let issue = RecordDraft.invalidUTF8(in: buffer.bytes(0..<pos), line: row.line) {
            row.issues.append(issue)
        }
        buffer.consume(pos)
        return row
    }

    /// The byte at `offset`, reading more input as needed; nil at the end of input.
    @inline(__always)
    private func byte(at offset: Int) throws -> UInt8? {
        try buffer.ensure(offset + 1) ? buffer[offset] : nil
    }

    private var column: Int { pos - lineStart + 1 }

    private func newline() {
        line += 1
        lineStart = pos
    }

    /// Skips empty lines; false at the end of input.
    private func skipBlankLines() throws -> Bool {
        while let c = try byte(at: 0) {
            var length = 0
            if c == Self.lf {
                length = 1
            } else if c == Self.cr {
                let next = try byte(at: 1)
                if next == nil { length = 1 } else if next == Self.lf { length = 2 }
            }
            guard length > 0 else { return true }
            buffer.consume(length)
            if blankLines == 0 { firstBlankLine = line }
            blankLines += 1
            line += 1
        }
        return false
    }

    private func readField(_ row: inout Row) throws -> FieldEnd {
        field.removeAll(keepingCapacity: true)
        guard try byte(at: pos) == Self.quote else { return try readUnquoted(&row) }
        let open = (line: line, column: column)
        let quoted = try readQuoted()
        guard quoted.closed else {
            recover(&row, open: open, resume: quoted.next, reason: "")
            return .broken
        }
        guard let c = try byte(at: pos), c != separator, c != Self.lf, c != Self.cr else {
            return try readUnquoted(&row)
        }
        if let resume = quoted.next, c != 0x20 {
            // Valid CSV never has text after a closing quote; after a quote that ran over
            // lines, it means the quote was stray and the field ended on its first line.
            recover(&row, open: open, resume: resume,
                    reason: "; the quote at line \(line), byte \(column - 1) is followed by text, not a separator")
            return .broken
        }
        row.issues.append(.init(isError: false, line: line, column: column,
                                message: "text after a closing quote kept in the field"))
        return try readUnquoted(&row)
    }

    /// Reads up to the end of the field; the quotes it meets are kept as characters.
    private func readUnquoted(_ row: inout Row) throws -> FieldEnd {
        var warned = false
        while true {
            guard try buffer.ensure(pos + 1) else { return emit(&row, .row) }
            let available = buffer.count
            let p = buffer.pointer
            var q = pos
            while q < available {
                let c = p[q]
                if c == separator || c == Self.lf || c == Self.cr || c == Self.quote { break }
                q += 1
            }
            field.append(contentsOf: UnsafeBufferPointer(start: p + pos, count: q - pos))
            pos = q
            if q == available { continue }
            switch p[q] {
            case separator:
                pos += 1
                return emit(&row, .separator)
            case Self.lf:
                pos += 1
                newline()
                return emit(&row, .row)
            case Self.cr:
                let next = try byte(at: pos + 1)
                if next == Self.lf {
                    pos += 2
                    newline()
                    return emit(&row, .row)
                }
                pos += 1
                if next == nil { return emit(&row, .row) }
                field.append(Self.cr)
            default:
                if !warned {
                    row.issues.append(.init(isError: false, line: line, column: column,
                                            message: "quote inside an unquoted field kept as a character"))
                    warned = true
                }
                field.append(Self.quote)
                pos += 1
            }
        }
    }

    /// Reads a quoted field from its opening quote through its closing quote, if any. `next`
    /// is where the line after the opening quote's line starts, when the field runs over
    /// lines: where reading resumes if the row turns out broken.
    private func readQuoted() throws -> (closed: Bool, next: (offset: Int, line: Int)?) {
        var next: (offset: Int, line: Int)?
        pos += 1
        while true {
            guard try buffer.ensure(pos + 1) else { return (false, next) }
            let available = buffer.count
            let p = buffer.pointer
            var q = pos
            while q < available {
                let c = p[q]
                if c == Self.quote || c == Self.lf || c == Self.cr { break }
                q += 1
            }
            field.append(contentsOf: UnsafeBufferPointer(start: p + pos, count: q - pos))
            pos = q
            if q == available { continue }
            switch p[q] {
            case Self.quote:
                if try byte(at: pos + 1) == Self.quote {
                    field.append(Self.quote)
                    pos += 2
                } else {
                    pos += 1
                    return (true, next)
                }
            case Self.lf:
                field.append(Self.lf)
                pos += 1
                newline()
                if next == nil { next = (pos, line) }
            default:
                // CR: dropped before LF (CRLF inside quotes is stored as LF), else kept.
                if try byte(at: pos + 1) != Self.lf { field.append(Self.cr) }
                pos += 1
            }
        }
    }

    /// Makes the row broken at the quote opened at `open`, and moves the read position to
    /// `resume` (the line after the quote's line), or to the end of input.
    private func recover(_ row: inout Row, open: (line: Int, column: Int), resume: (offset: Int, line: Int)?, reason: String) {
        row.issues.append(.init(isError: true, line: open.line, column: open.column,
                                message: "unterminated quoted field (opened here\(reason))"))
        let firstLine = field.firstIndex(of: Self.lf).map { field[..<$0] } ?? field[...]
        row.fields.append(String(decoding: firstLine, as: UTF8.self))
        row.isBroken = true
        row.endLine = open.line
        if let resume {
            pos = resume.offset
            line = resume.line
            lineStart = pos
        } else {
            pos = buffer.count
        }
    }

    private func emit(_ row: inout Row, _ end: FieldEnd) -> FieldEnd {
        row.fields.append(String(decoding: field, as: UTF8.self))
        return end
    }
}
