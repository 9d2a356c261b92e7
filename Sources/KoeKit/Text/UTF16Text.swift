/// Strings from UTF-16 code units, for the analyser's views of a line. The standard library's
/// `String(decoding:as: UTF16.self)` transcodes generically and slowly; valid UTF-16 is encoded
/// to UTF-8 directly here, and only text with a lone surrogate takes the standard path (which
/// repairs it), so the result is always the same string.
enum UTF16Text {
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        let n = units.count
        if n == 0 { return "" }
        var valid = true
        let text = String(unsafeUninitializedCapacity: n * 3) { out in
            var o = 0, i = 0
            while i < n {
                let u = UInt32(units[i])
                if u < 0x80 {
                    out[o] = UInt8(u)
                    o += 1
                } else if u < 0x800 {
                    out[o] = UInt8(0xC0 | (u >> 6))
                    out[o + 1] = UInt8(0x80 | (u & 0x3F))
                    o += 2
                } else if u & 0xF800 != 0xD800 {
                    out[o] = UInt8(0xE0 | (u >> 12))
                    out[o + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (u & 0x3F))
                    o += 3
                } else if u & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                    let c = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    out[o] = UInt8(0xF0 | (c >> 18))
                    out[o + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 3] = UInt8(0x80 | (c & 0x3F))
                    o += 4
                    i += 1
                } else {
                    valid = false
                    return 0
                }
                i += 1
            }
            return o
        }
        return valid ? text : String(decoding: units, as: UTF16.self)
    }

    static func string(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> String {
        string(UnsafeBufferPointer(rebasing: units))
    }
}
