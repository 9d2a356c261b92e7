/// JSON encoding straight into a byte buffer: strings from UTF-8 or UTF-16, integers and
/// two-decimal numbers without going through `String`. The one implementation behind
/// `ByteWriter`'s JSON methods and the classification output.
public enum JSONBytes {
    @inline(__always)
    public static func append(_ s: StaticString, to out: ByteBuffer) {
        out.append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `utf8` as a JSON string literal (quotes included).
    public static func appendString(utf8: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        out.append(0x22)
        var runStart = 0, i = 0
        let n = utf8.count
        // Eight bytes at a time: most text has nothing to escape.
        if let base = utf8.baseAddress {
            while i + 8 <= n {
                if mayNeedEscape(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    escape(utf8, from: i, to: i + 8, runStart: &runStart, to: out)
                }
                i += 8
            }
        }
        escape(utf8, from: i, to: n, runStart: &runStart, to: out)
        out.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        out.append(0x22)
    }

    /// Whether one of the eight bytes of `x` may be a control character, `"` or `\`; never
    /// false when one is (the usual bit tricks for "has a byte below n / equal to c").
    @inline(__always)
    static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
        let below = (x &- ones &* 0x20) & ~x
        let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (below | zeros) & highs != 0
    }

    /// Escapes what needs it in `utf8[from..<to]`, flushing the plain run before each escape.
    @inline(__always)
    private static func escape(
        _ utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int, runStart: inout Int, to out: ByteBuffer
    ) {
        for i in from..<to {
            let b = utf8[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            appendEscape(UInt16(b), to: out)
            runStart = i + 1
        }
    }

    public static func appendString(_ string: String, to out: ByteBuffer) {
        var string = string
        string.withUTF8 { appendString(utf8: $0, to: out) }
    }

    /// `units[from..<to]` (UTF-16; lone surrogates become U+FFFD) as a JSON string literal.
    public static func appendString(utf16 units: UnsafeBufferPointer<UInt16>, from: Int, to: Int, to out: ByteBuffer) {
        out.append(0x22)
        var runStart = from
        for i in from..<to {
            let u = units[i]
            guard u < 0x20 || u == 0x22 || u == 0x5C else { continue }
            appendUTF8(units, from: runStart, to: i, to: out)
            appendEscape(u, to: out)
            runStart = i + 1
        }
        appendUTF8(units, from: runStart, to: to, to: out)
        out.append(0x22)
    }

    /// `units[from..<to]` as UTF-8 (lone surrogates become U+FFFD).
    public static func appendUTF8(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int, to bytes: ByteBuffer) {
        var i = from
        while i < to {
            let u = UInt32(units[i])
            if u < 0x80 {
                bytes.append(UInt8(u))
            } else if u < 0x800 {
                bytes.append(UInt8(0xC0 | (u >> 6)))
                bytes.append(UInt8(0x80 | (u & 0x3F)))
            } else if u & 0xFC00 == 0xD800, i + 1 < to, UInt32(units[i + 1]) & 0xFC00 == 0xDC00 {
                let c = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                bytes.append(UInt8(0xF0 | (c >> 18)))
                bytes.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (c & 0x3F)))
                i += 1
            } else {
                let c = u & 0xF800 == 0xD800 ? 0xFFFD : u
                bytes.append(UInt8(0xE0 | (c >> 12)))
                bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (c & 0x3F)))
            }
            i += 1
        }
    }

    private static func appendEscape(_ u: UInt16, to out: ByteBuffer) {
        switch u {
        case 0x22: append("\\\"", to: out)
        case 0x5C: append("\\\\", to: out)
        case 0x0A: append("\\n", to: out)
        case 0x0D: append("\\r", to: out)
        case 0x09: append("\\t", to: out)
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00", to: out)
            out.append(hex.utf8Start[Int(u >> 4)])
            out.append(hex.utf8Start[Int(u & 0xF)])
        }
    }

    /// A decimal integer.
    public static func appendDecimal(_ value: Int, to out: ByteBuffer) {
        if value < 0 { out.append(0x2D) }
        // Digits least significant first, then put in order; `magnitude` also covers Int.min.
        var v = value.magnitude
        let first = out.count
        repeat {
            out.append(UInt8(0x30 + v % 10))
            v /= 10
        } while v > 0
        out.reverseTail(from: first)
    }

    /// A finite number rounded to two decimals, written the way Swift prints the rounded
    /// `Double` (`-3.6`, `0.25`, `2`; `-0` is written as `0`).
    public static func appendNumber(_ x: Double, to out: ByteBuffer) {
        let scaled = (x * 100).rounded()
        guard scaled.magnitude < 1e15 else {
            let r = scaled / 100
            out.append(r.magnitude < 9e18 && r == r.rounded() ? String(Int(r)) : String(r))
            return
        }
        var k = Int(scaled)
        if k == 0 { out.append(0x30); return }
        if k < 0 { out.append(0x2D); k = -k }
        appendDecimal(k / 100, to: out)
        let cents = k % 100
        guard cents != 0 else { return }
        out.append(0x2E)
        out.append(UInt8(0x30 + cents / 10))
        if cents % 10 != 0 { out.append(UInt8(0x30 + cents % 10)) }
    }
}
