/// A column name or JSON key as written in a mapping: compared ignoring ASCII case and
/// surrounding white space (`FieldRole.matchKey`), with an optional `*` at either end for
/// headers that only contain, start or end with it (Google Forms questions are whole sentences).
struct ColumnName {
    let bytes: [UInt8]
    let key: [UInt8]
    let prefix: Bool
    let suffix: Bool

    init(_ name: String) {
        var core = Substring(name)
        prefix = core.count > 1 && core.hasPrefix("*")
        if prefix { core = core.dropFirst() }
        suffix = core.count > 1 && core.hasSuffix("*")
        if suffix { core = core.dropLast() }
        bytes = Array(name.utf8)
        key = FieldRole.matchKey(core)
    }

    var isWildcard: Bool { prefix || suffix }

    /// True when a header whose match key is `other` is this name.
    func matches(key other: [UInt8]) -> Bool {
        switch (prefix, suffix) {
        case (false, false): return other == key
        case (true, false): return other.count >= key.count && other.suffix(key.count).elementsEqual(key)
        case (false, true): return other.count >= key.count && other.prefix(key.count).elementsEqual(key)
        case (true, true):
            guard other.count >= key.count, !key.isEmpty else { return other.count >= key.count }
            return (0...(other.count - key.count)).contains { other[$0..<($0 + key.count)].elementsEqual(key) }
        }
    }

    /// The index of the first of `columns` (exact bytes first, then match keys) that is this name.
    func index(in exact: [[UInt8]], keys: [[UInt8]]) -> Int? {
        if !isWildcard, let i = exact.firstIndex(of: bytes) { return i }
        return keys.firstIndex(where: matches(key:))
    }
}
