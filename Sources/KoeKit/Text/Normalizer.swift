import KoeICU

/// Normalisation for matching: NFKC (through ICU), ASCII lower case, wave dashes to `~`, and
/// dash-like characters after katakana to `ー`. Keeps a map back to the original text.
public enum Normalizer {
    /// The normalised text and, for each normalised UTF-16 unit, the UTF-16 offset in `text`
    /// of the chunk it came from (`map.count == units.count + 1`, the last entry is the length).
    public static func normalize(units text: [UInt16]) throws -> (units: [UInt16], map: [Int32]) {
        var capacity = text.count + 16
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            var map = [Int32](repeating: 0, count: capacity + 1)
            var status: Int32 = 0
            let n = text.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    map.withUnsafeMutableBufferPointer { m in
                        koe_normalize(
                            src.baseAddress, Int32(src.count), dst.baseAddress, m.baseAddress,
                            Int32(capacity), &status)
                    }
                }
            }
            try ICUError.check(status, "NFKC normalisation")
            if Int(n) <= capacity {
                return (Array(out[..<Int(n)]), Array(map[...Int(n)]))
            }
            capacity = Int(n)
        }
    }

    /// The normalised form of `text` as a string.
    public static func normalize(_ text: String) throws -> String {
        String(decoding: try normalize(units: Array(text.utf16)).units, as: UTF16.self)
    }
}
