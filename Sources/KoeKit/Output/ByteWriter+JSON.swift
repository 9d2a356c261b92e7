extension ByteWriter {
    /// Appends `units[from..<to]` as a JSON string literal (quotes included).
    public func appendJSONString(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) {
        append(0x22)
        var runStart = from
        for i in from..<to {
            let u = units[i]
            guard u < 0x20 || u == 0x22 || u == 0x5C else { continue }
            appendUTF8(units, from: runStart, to: i)
            appendEscape(u)
            runStart = i + 1
        }
        appendUTF8(units, from: runStart, to: to)
        append(0x22)
    }

    /// Appends a Swift string as a JSON string literal, straight from its UTF-8.
    public func appendJSONString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            append(0x22)
            var runStart = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                appendEscape(UInt16(b))
                runStart = i + 1
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
            append(0x22)
        }
    }

    private func appendEscape(_ u: UInt16) {
        switch u {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            let hex = Array("0123456789abcdef".utf8)
            append("\\u00")
            append(hex[Int(u >> 4)])
            append(hex[Int(u & 0xF)])
        }
    }
}
