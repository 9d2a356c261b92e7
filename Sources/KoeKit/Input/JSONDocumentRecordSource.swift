/// A whole JSON document: an array of records, an object holding one (`{"tickets": [...]}`,
/// as API responses of Zendesk, Freshdesk, Intercom or HubSpot are), a single record, or
/// several such values one after another, minified or pretty-printed.
///
/// The document is read whole (API responses are pages of at most a few thousand records);
/// each record starts at the line of its element. A syntax error ends the input with one error
/// record that says where: what came before it is still read.
final class JSONDocumentRecordSource: RecordSource {
    typealias Value = JSONLineParser.Value
    private let name: String
    private let mapper: JSONRecordMapper
    private var bytes: [UInt8] = []
    private var items: [Value] = []
    private var syntaxError: JSONLineParser.SyntaxError?
    private var position = 0
    private var number = 0
    /// Newlines counted up to `lineOffset`, for the line of each record.
    private var lineOffset = 0
    private var lineNumber = 1
    /// What the document turned out to be, for the stderr line: `3 records in "tickets"`.
    private(set) var shape = ""
    /// Which name filled each field in the first record.
    private(set) var firstMapping: [(FieldRole, String)] = []
    /// The first record's keys that no field used.
    private(set) var unusedKeys: [String] = []

    init(buffer: InputBuffer, mapping: FieldMapping, presets: ColumnPresets) throws {
        name = buffer.source.name
        mapper = JSONRecordMapper(mapping: mapping)
        while try buffer.fill() {}
        bytes = Array(buffer.bytes(0..<buffer.count))
        buffer.consume(buffer.count)
        var containers: [String] = []
        bytes.withUnsafeBufferPointer { all in
            let (values, error) = JSONLineParser.values(all)
            syntaxError = error
            for value in values {
                guard value.kind == .array || value.kind == .object else { items.append(value); continue }
                if value.kind == .array {
                    items += JSONLineParser.elements(of: value, in: all)
                    containers.append("an array")
                } else if let (key, array) = Self.recordArray(in: value, all, mapping: mapping, presets: presets, alone: values.count == 1) {
                    items += JSONLineParser.elements(of: array, in: all)
                    containers.append("\"\(key)\"")
                } else {
                    items.append(value)
                }
            }
        }
        let plural = items.count == 1 ? "record" : "records"
        shape = containers.isEmpty ? "\(items.count) \(plural)" : "\(items.count) \(plural) in \(containers.joined(separator: ", "))"
        if let first = items.first {
            var draft = RecordDraft(number: 1, source: name, line: 1)
            firstMapping = bytes.withUnsafeBufferPointer { mapper.fill(&draft, from: UnsafeBufferPointer(rebasing: $0[first.range]), line: 1) }
            let used = Set(firstMapping.map { $0.1.split(separator: ".").first.map(String.init) ?? $0.1 })
            unusedKeys = draft.record.fields.map(\.name).filter { !used.contains($0) }
        }
    }

    func next() throws -> RecordDraft? {
        if position < items.count {
            let item = items[position]
            position += 1
            number += 1
            let line = self.line(at: item.range.lowerBound)
            var draft = RecordDraft(number: number, source: name, line: line)
            bytes.withUnsafeBufferPointer { all in
                let slice = UnsafeBufferPointer(rebasing: all[item.range])
                draft.endLine = line + slice.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                mapper.fill(&draft, from: slice, line: line)
            }
            return draft
        }
        guard let error = syntaxError else { return nil }
        syntaxError = nil
        number += 1
        let line = self.line(at: error.offset)
        let column = error.offset - (bytes[..<min(error.offset, bytes.count)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        var draft = RecordDraft(number: number, source: name, line: line)
        draft.error("invalid JSON at line \(line), byte \(column): \(error.message); the rest of the input is not read",
                    line: line, column: column)
        return draft
    }

    /// The 1-based line of byte `offset`; offsets must not decrease from call to call.
    private func line(at offset: Int) -> Int {
        let end = min(offset, bytes.count)
        if end > lineOffset {
            lineNumber += bytes[lineOffset..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            lineOffset = end
        }
        return lineNumber
    }

    /// The array of records an object holds, with its key: not when the object is itself a
    /// record (it has a text field); a key of the presets' `records` list first, else — when
    /// the object is the whole document — its only member that is a non-empty array of objects.
    static func recordArray(
        in object: Value, _ all: UnsafeBufferPointer<UInt8>, mapping: FieldMapping, presets: ColumnPresets, alone: Bool
    ) -> (String, Value)? {
        let members = JSONLineParser.members(of: object, in: all)
        let keys = members.map { FieldRole.matchKey($0.key) }
        let textNames = mapping.candidates(for: .text).map(ColumnName.init)
        if keys.contains(where: { key in textNames.contains { $0.matches(key: key) } }) { return nil }
        for recordKey in presets.recordKeys {
            let wanted = FieldRole.matchKey(recordKey)
            if let i = keys.firstIndex(of: wanted), members[i].value.kind == .array { return (members[i].key, members[i].value) }
        }
        guard alone else { return nil }
        let arrays = members.filter { member in
            member.value.kind == .array && JSONLineParser.elements(of: member.value, in: all).first?.kind == .object
        }
        return arrays.count == 1 ? (arrays[0].key, arrays[0].value) : nil
    }
}
