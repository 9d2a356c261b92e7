extension JSONLineParser {
    /// Parses a string at `pos` (an opening quote); the decoded string when `decode` is set.
    mutating func parseString(decode: Bool) throws(SyntaxError) -> String? {
        pos += 1
        let start = pos
        var unescaped: [UInt8] = []
        var hasEscapes = false
        while true {
            guard pos < bytes.count else { throw SyntaxError(offset: pos, message: "unterminated string") }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw failure("control character in a string (write it as an escape)") }
            if b != UInt8(ascii: "\\") {
                if hasEscapes { unescaped.append(b) }
                pos += 1
                continue
            }
            if !hasEscapes {
                unescaped = Array(bytes[start..<pos])
                hasEscapes = true
            }
            try unescape(into: &unescaped)
        }
        let end = pos
        pos += 1
        guard decode else { return nil }
        if hasEscapes { return String(decoding: unescaped, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Decodes the escape at `pos` (a backslash) into `out`.
    private mutating func unescape(into out: inout [UInt8]) throws(SyntaxError) {
        pos += 1
        guard pos < bytes.count else { throw SyntaxError(offset: pos, message: "unterminated string") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let escape = pos - 2
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar), pos + 1 < bytes.count,
               bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                let saved = pos
                pos += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    pos = saved
                }
            }
            if Unicode.Scalar(scalar) == nil && loneSurrogate == nil { loneSurrogate = escape }
            out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
        default:
            pos -= 2
            throw failure("invalid escape")
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw failure("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        return value
    }

    /// Checks a number at `pos` against the JSON grammar.
    mutating func parseNumber() throws(SyntaxError) {
        if peek == UInt8(ascii: "-") { pos += 1 }
        guard let first = peek, isDigit(first) else { throw failure("invalid number") }
        pos += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            pos += 1
            guard let d = peek, isDigit(d) else { throw failure("invalid number") }
            skipDigits()
        }
        if let e = peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            pos += 1
            if let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { pos += 1 }
            guard let d = peek, isDigit(d) else { throw failure("invalid number") }
            skipDigits()
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let b = peek, isDigit(b) { pos += 1 }
    }
}
