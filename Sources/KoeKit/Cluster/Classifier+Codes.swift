extension Classifier {
    /// Version strings (5.2.0, v2.1) and error codes (3ds-402, e1001; at most five digits, so
    /// order and ticket numbers are no codes) of a normalised text.
    static func codes(in text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == "-") { current.append(ch) } else {
                if let code = code(current) { out.append(code) }
                current = ""
            }
        }
        if let code = code(current) { out.append(code) }
        return out
    }

    /// A run of ASCII letters, digits, dots and hyphens as a version or code, if it is one.
    private static func code(_ run: String) -> String? {
        var token = run
        while let last = token.last, last == "." || last == "-" { token.removeLast() }
        let digits = token.filter(\.isASCIIDigit).count
        guard digits > 0, token.count >= 3 else { return nil }
        let letters = token.filter { $0.isASCII && $0.isLetter }.count
        let dots = token.filter { $0 == "." }.count
        let isVersion = letters == 0 && dots >= 2 && !token.contains("-")
            || (token.hasPrefix("v") || token.hasPrefix("ver")) && dots >= 1 && letters <= 3
        let isCode = letters > 0 && letters <= 6 && digits >= 2 && digits <= 5 && dots == 0
        return isVersion || isCode ? token : nil
    }

    /// `codes(in:)` of the normalised text, walking its code units instead of its Characters
    /// (no string built, no grapheme breaking). The walks see the same runs unless an ASCII
    /// letter, digit, `.` or `-` belongs to a longer grapheme: a mark or joiner after it, a
    /// prepended sign before it. Text where that may happen takes the Character walk.
    static func codes(inUnits units: UnsafeBufferPointer<UInt16>) -> [String] {
        var out: [String] = []
        var run: [UInt8] = []
        var hasDigit = false
        func flush() {
            if hasDigit, let code = code(String(decoding: run, as: UTF8.self)) { out.append(code) }
            run.removeAll(keepingCapacity: true)
            hasDigit = false
        }
        for k in 0..<units.count {
            let u = units[k]
            let isDigit = u >= 0x30 && u <= 0x39
            guard isDigit || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u == 0x2E || u == 0x2D else {
                flush()
                continue
            }
            if k + 1 < units.count && mayExtend(units[k + 1]) || k > 0 && mayPrepend(units[k - 1]) {
                return codes(in: UTF16Text.string(units))
            }
            run.append(UInt8(u))
            if isDigit { hasDigit = true }
        }
        flush()
        return out
    }

    /// A unit after an ASCII character that may join its grapheme (combining marks, joiners,
    /// spacing marks, variation selectors, surrogates); blocks that never do are let through.
    private static func mayExtend(_ u: UInt16) -> Bool {
        switch u {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098,
             0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D, 0xFFA0...0xFFEF: false
        default: true
        }
    }

    /// A unit before an ASCII character that may be a prepended sign of its grapheme.
    private static func mayPrepend(_ u: UInt16) -> Bool {
        switch u {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0xD800...0xDFFF: true
        default: false
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
