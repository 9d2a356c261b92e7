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
        if isFixedPoint(text) { return text }
        return String(decoding: try normalize(units: Array(text.utf16)).units, as: UTF16.self)
    }

    /// Whether `normalize` leaves `text` as it is, known without ICU (false: maybe not). True
    /// when every unit is one that NFKC leaves alone and never composes with a neighbour, and
    /// that the extra folds never touch: printable ASCII but upper-case letters, `-` and `~`;
    /// CJK punctuation and brackets U+3001–3011; kana without the sound marks; ー; the unified
    /// ideographs (the same set as `is_nfkc_inert` in `koe_normalize.c`). Most lexicon patterns are
    /// such text, and loading a lexicon normalises every one of them.
    static func isFixedPoint(_ text: String) -> Bool {
        text.utf16.allSatisfy { u in
            switch u {
            case 0x20...0x7E: !(0x41...0x5A).contains(u) && u != 0x2D && u != 0x7E
            case 0x3001...0x3011, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: true
            default: false
            }
        }
    }
}
