/// Fills a record from one JSON object (a line of JSON Lines or an element of a JSON
/// document): every member kept as a field, canonical fields taken from the mapped names.
struct JSONRecordMapper {
    private typealias Value = JSONLineParser.Value
    /// A name to look up: as given, as a match key, and split at dots for nested lookup.
    private struct Name {
        let column: ColumnName
        let path: [(bytes: [UInt8], key: [UInt8])]

        init(_ name: String) {
            column = ColumnName(name)
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            path = parts.count > 1 && !column.isWildcard ? parts.map { (Array($0.utf8), FieldRole.matchKey($0)) } : []
        }
    }

    private let mapping: FieldMapping
    /// For each role, the names to try in order.
    private let candidates: [(role: FieldRole, names: [(String, Name)])]

    init(mapping: FieldMapping) {
        self.mapping = mapping
        candidates = FieldRole.allCases.map { role in
            (role, mapping.candidates(for: role).map { ($0, Name($0)) })
        }
    }

    /// Reads the object in `bytes` (which start at `line`) into `draft`; problems become
    /// the draft's issues. Returns the name that filled each role (for the mapping line).
    @discardableResult
    func fill(_ draft: inout RecordDraft, from bytes: UnsafeBufferPointer<UInt8>, line: Int) -> [(FieldRole, String)] {
        draft.checkUTF8(bytes, line: line)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
              bytes[first] == UInt8(ascii: "{") else {
            draft.error("not a JSON object: \(JSONLRecordSource.preview(bytes))", line: line, column: 1)
            return []
        }
        let members: [JSONLineParser.Member]
        do {
            let parsed = try JSONLineParser.parse(bytes)
            members = parsed.members ?? []
            if let offset = parsed.loneSurrogate {
                draft.warning("unpaired surrogate escape replaced with U+FFFD at byte \(offset + 1)", line: line, column: offset + 1)
            }
        } catch {
            draft.error("invalid JSON at byte \(error.offset + 1): \(error.message)", line: line, column: error.offset + 1)
            return []
        }
        draft.record.fields = members.map { member in
            let v = member.value
            return RecordField(name: member.key, value: v.string ?? Self.raw(v, bytes), isJSON: v.kind != .string)
        }
        let keys = Keys(members)
        var used: [(FieldRole, String)] = []
        for (role, names) in candidates {
            let explicit = mapping[role]
            if let (value, name) = names.lazy.compactMap({ n in
                Self.lookup(n.1, members, keys, bytes, objects: explicit != nil).map { ($0, n.0) }
            }).first {
                draft.record[role] = value
                used.append((role, name))
            } else if let explicit {
                draft.error("no field '\(explicit)' for \(role.rawValue) (missing or null)", line: line, column: 1)
            } else if role == .text {
                let tried = role.defaultNames.joined(separator: ", ")
                draft.error("no text field (tried \(tried))", line: line, column: 1)
            }
        }
        return used
    }

    /// Member keys as bytes, as given and as match keys.
    private struct Keys {
        let bytes: [[UInt8]]
        let keys: [[UInt8]]

        init(_ members: [JSONLineParser.Member]) {
            bytes = members.map { Array($0.key.utf8) }
            keys = bytes.map(FieldRole.matchKey)
        }
    }

    /// The canonical string of the value at `name` (a key, or a dotted path); nil when absent
    /// or null, and for a default name also when it holds an object (Intercom's `source` is
    /// not a channel; `source.type` is).
    private static func lookup(
        _ name: Name, _ members: [JSONLineParser.Member], _ keys: Keys, _ bytes: UnsafeBufferPointer<UInt8>,
        objects: Bool
    ) -> String? {
        func usable(_ value: Value) -> String? {
            value.kind == .object && !objects ? nil : canonical(value, bytes)
        }
        if let i = name.column.index(in: keys.bytes, keys: keys.keys) { return usable(members[i].value) }
        var current = members
        var currentKeys = keys
        for (depth, part) in name.path.enumerated() {
            guard let i = currentKeys.bytes.firstIndex(of: part.bytes) ?? currentKeys.keys.firstIndex(of: part.key) else { return nil }
            let value = current[i].value
            if depth == name.path.count - 1 { return usable(value) }
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
}
