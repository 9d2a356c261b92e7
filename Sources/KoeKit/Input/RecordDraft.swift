#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A record being read, with the problems found so far at their positions; `RecordReader`
/// turns the problems into `Record.error`/`warnings` and diagnostics.
struct RecordDraft {
    struct Issue {
        let isError: Bool
        let line: Int
        let column: Int
        let message: String
    }

    var record: Record
    var issues: [Issue] = []
    /// The last physical line the record occupies.
    var endLine: Int

    init(number: Int, source: String, line: Int) {
        record = Record(number: number, source: source, line: line)
        endLine = line
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        issues.append(Issue(isError: true, line: line, column: column, message: message))
    }

    mutating func warning(_ message: String, line: Int, column: Int) {
        issues.append(Issue(isError: false, line: line, column: column, message: message))
    }

    /// Decodes UTF-8 `bytes` (starting at `line`, 1-based byte `column`), repairing ill-formed
    /// sequences to U+FFFD with a warning that says where the first one was.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int = 1) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        // Repairs always change the bytes (U+FFFD is valid, what it replaces is not): only a
        // line that came out different needs the slower search for where it went wrong.
        let unchanged = text.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
        if !unchanged { checkUTF8(bytes, line: line, column: column) }
        return text
    }

    /// Warns, with the position of the first one, when `bytes` hold ill-formed UTF-8.
    mutating func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int = 1) {
        if let issue = Self.invalidUTF8(in: bytes, line: line, column: column) { issues.append(issue) }
    }

    /// A warning naming the first ill-formed UTF-8 sequence in `bytes`, which start at `line`,
    /// byte `column`, and may span lines; nil when the bytes are valid.
    static func invalidUTF8(in bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int = 1) -> Issue? {
        guard let bad = UTF8Validation.firstInvalidOffset(bytes) else { return nil }
        var badLine = line
        var badColumn = column + bad
        for i in 0..<bad where bytes[i] == 0x0A {
            badLine += 1
            badColumn = bad - i
        }
        let message = "invalid UTF-8 replaced with U+FFFD at byte \(badColumn)"
        return Issue(isError: false, line: badLine, column: badColumn, message: message)
    }
}
