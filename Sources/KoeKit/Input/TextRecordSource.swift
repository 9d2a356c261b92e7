/// Plain text input: every physical line is a record, empty lines included.
final class TextRecordSource: RecordSource {
    private let lines: LineScanner
    private let name: String
    private var number = 0

    init(buffer: InputBuffer) {
        lines = LineScanner(buffer: buffer)
        name = buffer.source.name
    }

    func next() throws -> RecordDraft? {
        guard let (bytes, line) = try lines.next() else { return nil }
        number += 1
        var draft = RecordDraft(number: number, source: name, line: line)
        draft.record.text = draft.decode(bytes, line: line)
        return draft
    }
}
