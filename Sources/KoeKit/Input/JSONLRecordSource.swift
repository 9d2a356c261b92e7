/// JSON Lines input: one JSON object per line. A line that is not a JSON object still makes a
/// record (an error record); blank lines are not records and are counted in one warning.
final class JSONLRecordSource: RecordSource {
    private let lines: LineScanner
    private let name: String
    private let mapper: JSONRecordMapper
    private let log: DiagnosticLog
    private var number = 0
    private var blankLines = 0
    private var firstBlankLine = 0

    init(buffer: InputBuffer, mapping: FieldMapping, log: DiagnosticLog) {
        lines = LineScanner(buffer: buffer)
        name = buffer.source.name
        mapper = JSONRecordMapper(mapping: mapping)
        self.log = log
    }

    func next() throws -> RecordDraft? {
        while let (bytes, line) = try lines.next() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if blankLines == 0 { firstBlankLine = line }
                blankLines += 1
                continue
            }
            number += 1
            var draft = RecordDraft(number: number, source: name, line: line)
            mapper.fill(&draft, from: bytes, line: line)
            return draft
        }
        if blankLines > 0 {
            let plural = blankLines == 1 ? "blank line" : "blank lines"
            log.add(.warning, "\(blankLines) \(plural) skipped (first at line \(firstBlankLine)); they are not records")
            blankLines = 0
        }
        return nil
    }

    /// The start of a line for a message: at most 40 characters.
    static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var head = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(200)), as: UTF8.self))
        while head.first?.isWhitespace == true { head.removeFirst() }
        while head.last?.isWhitespace == true { head.removeLast() }
        return head.count > 40 || bytes.count > 200 ? head.prefix(40) + "…" : String(head)
    }
}
