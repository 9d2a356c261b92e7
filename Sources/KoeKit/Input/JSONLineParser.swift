/// A strict JSON (RFC 8259) parser for one line of JSON Lines, working on the raw bytes so
/// that non-string values can be passed through exactly as written (`1.50` stays `1.50`).
/// Nesting is limited to `maxDepth` so hostile input cannot exhaust the stack; ill-formed
/// UTF-8 inside strings becomes U+FFFD.
struct JSONLineParser {
    enum Kind { case string, number, bool, null, array, object }

    /// A parsed value: its kind, where its text is, and for strings the decoded string.
    struct Value {
        let kind: Kind
        let range: Range<Int>
        let string: String?
    }

    struct Member {
        let key: String
        let value: Value
    }

    struct SyntaxError: Error {
        /// 0-based byte offset in the line.
        let offset: Int
        let message: String
    }

    static let maxDepth = 256

    // Internal, not private: JSONLineParser+Scalars.swift reads them.
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    private var depth = 0
    /// Byte offset of the first `\uD800`-style escape that names half of a surrogate pair
    /// without its other half; it was decoded as U+FFFD.
    var loneSurrogate: Int?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, at pos: Int) {
        self.bytes = bytes
        self.pos = pos
    }

    /// Parses `bytes` as exactly one JSON value; `members` is its members when it is an object,
    /// `loneSurrogate` the offset of the first unpaired surrogate escape (decoded as U+FFFD).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> (value: Value, members: [Member]?, loneSurrogate: Int?) {
        var parser = JSONLineParser(bytes, at: 0)
        parser.skipSpace()
        let start = parser.pos
        var members: [Member]?
        let value: Value
        if parser.peek == UInt8(ascii: "{") {
            members = try parser.parseObject(collect: true)
            value = Value(kind: .object, range: start..<parser.pos, string: nil)
        } else {
            value = try parser.parseValue(decode: true)
        }
        parser.skipSpace()
        if parser.pos < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return (value, members, parser.loneSurrogate)
    }

    /// The top-level values of `bytes` in order: one JSON document, or several separated by
    /// white space (strings not decoded), up to the first syntax error, if any.
    static func values(_ bytes: UnsafeBufferPointer<UInt8>) -> (values: [Value], error: SyntaxError?) {
        var parser = JSONLineParser(bytes, at: 0)
        var values: [Value] = []
        parser.skipSpace()
        while parser.pos < bytes.count {
            do {
                values.append(try parser.parseValue(decode: false))
            } catch {
                return (values, error)
            }
            parser.skipSpace()
        }
        return (values, nil)
    }

    /// The members of an object `value` from an earlier successful `parse` of `bytes`.
    static func members(of value: Value, in bytes: UnsafeBufferPointer<UInt8>) -> [Member] {
        guard value.kind == .object else { return [] }
        var parser = JSONLineParser(bytes, at: value.range.lowerBound)
        return (try? parser.parseObject(collect: true)) ?? []
    }

    /// The elements of an array `value` from an earlier successful `parse` of `bytes`.
    static func elements(of value: Value, in bytes: UnsafeBufferPointer<UInt8>) -> [Value] {
        guard value.kind == .array else { return [] }
        var parser = JSONLineParser(bytes, at: value.range.lowerBound)
        return (try? parser.parseArray(collect: true)) ?? []
    }

    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    func failure(_ message: String) -> SyntaxError {
        SyntaxError(offset: pos, message: pos < bytes.count ? message : "unexpected end of line")
    }

    mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(SyntaxError) {
        skipSpace()
        guard peek == byte else { throw failure(message) }
        pos += 1
    }

    private mutating func parseValue(decode: Bool) throws(SyntaxError) -> Value {
        skipSpace()
        let start = pos
        guard let b = peek else { throw failure("expected a value") }
        switch b {
        case UInt8(ascii: "\""):
            let s = try parseString(decode: decode)
            return Value(kind: .string, range: start..<pos, string: s)
        case UInt8(ascii: "{"):
            _ = try parseObject(collect: false)
            return Value(kind: .object, range: start..<pos, string: nil)
        case UInt8(ascii: "["):
            _ = try parseArray(collect: false)
            return Value(kind: .array, range: start..<pos, string: nil)
        case UInt8(ascii: "t"): try literal("true")
            return Value(kind: .bool, range: start..<pos, string: nil)
        case UInt8(ascii: "f"): try literal("false")
            return Value(kind: .bool, range: start..<pos, string: nil)
        case UInt8(ascii: "n"): try literal("null")
            return Value(kind: .null, range: start..<pos, string: nil)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
            return Value(kind: .number, range: start..<pos, string: nil)
        default:
            throw failure("expected a value")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject(collect: Bool) throws(SyntaxError) -> [Member] {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var members: [Member] = []
        skipSpace()
        if peek == UInt8(ascii: "}") { pos += 1; return members }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let key = try parseString(decode: collect) ?? ""
            try expect(UInt8(ascii: ":"), "expected ':' after the key")
            let value = try parseValue(decode: collect)
            if collect { members.append(Member(key: key, value: value)) }
            skipSpace()
            guard let b = peek, b == UInt8(ascii: ",") || b == UInt8(ascii: "}") else {
                throw failure("expected ',' or '}'")
            }
            pos += 1
            if b == UInt8(ascii: "}") { return members }
        }
    }

    private mutating func parseArray(collect: Bool) throws(SyntaxError) -> [Value] {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var elements: [Value] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { pos += 1; return elements }
        while true {
            let value = try parseValue(decode: collect)
            if collect { elements.append(value) }
            skipSpace()
            guard let b = peek, b == UInt8(ascii: ",") || b == UInt8(ascii: "]") else {
                throw failure("expected ',' or ']'")
            }
            pos += 1
            if b == UInt8(ascii: "]") { return elements }
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw failure("expected a value") }
        for i in 0..<n where bytes[pos + i] != word.utf8Start[i] { throw failure("expected a value") }
        pos += n
    }
}
