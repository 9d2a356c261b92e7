extension ByteWriter {
    /// Appends `units[from..<to]` as a JSON string literal (quotes included).
    public func appendJSONString(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) {
        appendJSON { JSONBytes.appendString(utf16: units, from: from, to: to, to: $0) }
    }

    /// Appends a Swift string as a JSON string literal, straight from its UTF-8.
    public func appendJSONString(_ string: String) {
        appendJSON { JSONBytes.appendString(string, to: $0) }
    }

    /// A finite number with at most two decimals, JSON-compatible (`-0` is written as `0`).
    public func appendNumber(_ x: Double) {
        appendJSON { JSONBytes.appendNumber(x, to: $0) }
    }
}
