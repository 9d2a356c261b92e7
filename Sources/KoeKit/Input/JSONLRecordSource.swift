/// JSON Lines input: one JSON object per line. A line that is not a JSON object still makes a
/// record (an error record); blank lines are not records and are counted in one warning.
final class JSONLRecordSource: RecordSource {
    private typealias Value = JSONLineParser.Value
    private let lines: LineScanner
    private let name: String
    private let mapping: FieldMapping
    private let log: DiagnosticLog
    /// A name to look up: as given, as a match key, and split at dots for nested lookup.
    private struct Name {
        let bytes: [UInt8]
        let key: [UInt8]
        let path: [(bytes: [UInt8], key: [UInt8])]

        init(_ name: String) {
            bytes = Array(name.utf8)
            key = FieldRole.matchKey(bytes)
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            path = parts.count > 1 ? parts.map { (Array($0.utf8), FieldRole.matchKey($0)) } : []
        }
    }

    /// For each role, the names to try in order.
    private let candidates: [(role: FieldRole, names: [Name])]
    private var number = 0
    private var blankLines = 0
    private var firstBlankLine = 0

    init(buffer: InputBuffer, mapping: FieldMapping, log: DiagnosticLog) {
        lines = LineScanner(buffer: buffer)
        name = buffer.source.name
        self.mapping = mapping
        self.log = log
        candidates = FieldRole.allCases.map { role in
            (role, mapping.candidates(for: role).map(Name.init))
        }
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
            read(bytes, into: &draft)
            return draft
        }
        if blankLines > 0 {
            let plural = blankLines == 1 ? "blank line" : "blank lines"
            log.add(.warning, "\(blankLines) \(plural) skipped (first at line \(firstBlankLine)); they are not records")
            blankLines = 0
        }
        return nil
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, into draft: inout RecordDraft) {
        let line = draft.record.line
        draft.checkUTF8(bytes, line: line)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[first] == UInt8(ascii: "{") else {
            draft.error("not a JSON object: \(Self.preview(bytes))", line: line, column: 1)
            return
        }
        let members: [JSONLineParser.Member]
        do {
            members = try JSONLineParser.parse(bytes).members ?? []
        } catch {
            draft.error("invalid JSON at byte \(error.offset + 1): \(error.message)", line: line, column: error.offset + 1)
            return
        }
        draft.record.fields = members.map { member in
            let v = member.value
            return RecordField(name: member.key, value: v.string ?? Self.raw(v, bytes), isJSON: v.kind != .string)
        }
        let keys = Keys(members)
        for (role, names) in candidates {
            if let value = names.lazy.compactMap({ Self.lookup($0, members, keys, bytes) }).first {
                draft.record[role] = value
            } else if let explicit = mapping[role] {
                draft.error("no field '\(explicit)' for \(role.rawValue) (missing or null)", line: line, column: 1)
            } else if role == .text {
                let tried = role.defaultNames.joined(separator: ", ")
                draft.error("no text field (tried \(tried))", line: line, column: 1)
            }
        }
    }

    /// Member keys as bytes, as given and as match keys.
    private struct Keys {
        let bytes: [[UInt8]]
        let keys: [[UInt8]]

        init(_ members: [JSONLineParser.Member]) {
            bytes = members.map { Array($0.key.utf8) }
            keys = bytes.map(FieldRole.matchKey)
        }

        /// The index of the member named exactly `bytes`, else of the first matching `key`.
        func index(_ bytes: [UInt8], _ key: [UInt8]) -> Int? {
            self.bytes.firstIndex(of: bytes) ?? keys.firstIndex(of: key)
        }
    }

    /// The canonical string of the value at `name` (a key, or a dotted path); nil when absent
    /// or null.
    private static func lookup(
        _ name: Name, _ members: [JSONLineParser.Member], _ keys: Keys, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> String? {
        if let i = keys.index(name.bytes, name.key) { return canonical(members[i].value, bytes) }
        var current = members
        var currentKeys = keys
        for (depth, part) in name.path.enumerated() {
            guard let i = currentKeys.index(part.bytes, part.key) else { return nil }
            let value = current[i].value
            if depth == name.path.count - 1 { return canonical(value, bytes) }
            current = JSONLineParser.members(of: value, in: bytes)
            currentKeys = Keys(current)
        }
        return nil
    }

    /// Strings as they are, other scalars as their JSON text, null as absent, arrays of
    /// scalars joined with `,`, anything else as raw JSON.
    private static func canonical(_ value: Value, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch value.kind {
        case .string: return value.string
        case .null: return nil
        case .number, .bool, .object: return raw(value, bytes)
        case .array:
            let elements = JSONLineParser.elements(of: value, in: bytes)
            let scalars = elements.allSatisfy { $0.kind == .string || $0.kind == .number || $0.kind == .bool }
            guard scalars else { return raw(value, bytes) }
            return elements.map { $0.string ?? raw($0, bytes) }.joined(separator: ",")
        }
    }

    private static func raw(_ value: Value, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[value.range]), as: UTF8.self)
    }

    /// The start of a line for a message: at most 40 characters.
    static func preview(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var head = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(200)), as: UTF8.self))
        while head.first?.isWhitespace == true { head.removeFirst() }
        while head.last?.isWhitespace == true { head.removeLast() }
        return head.count > 40 || bytes.count > 200 ? head.prefix(40) + "…" : String(head)
    }
}
