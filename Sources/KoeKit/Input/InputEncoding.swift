/// The character encoding of an input.
public enum InputEncoding: String, CaseIterable, Sendable {
    /// A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else UTF-16 without a mark when
    /// every other byte is zero; else UTF-8 or CP932 on the evidence of the sample
    /// (`EncodingEvidence`).
    case auto
    /// UTF-8, with or without a BOM; ill-formed bytes become U+FFFD with a warning.
    case utf8 = "utf-8"
    /// CP932 (Windows Shift_JIS, as saved by Japanese Excel), decoded by ICU ("windows-31j");
    /// bytes that do not decode become U+FFFD with a warning.
    case cp932
    /// UTF-16 little-endian (Excel's 「Unicode テキスト」, Google Play review exports), BOM dropped.
    case utf16le = "utf-16le"
    /// UTF-16 big-endian, BOM dropped.
    case utf16be = "utf-16be"

    /// How many bytes at the start of the input `auto` looks at.
    static let sniffLength = 1 << 16

    /// The name in messages.
    public var displayName: String {
        switch self {
        case .auto: "auto"
        case .utf8: "UTF-8"
        case .cp932: "CP932"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }

    /// The byte-order mark at the start of `sample`: its encoding and length. Repeated UTF-8
    /// marks (a file saved twice by tools that each add one) count as one mark, so the second
    /// does not end up in the first column's name.
    static func byteOrderMark(_ sample: UnsafeBufferPointer<UInt8>) -> (InputEncoding, Int)? {
        var utf8 = 0
        while sample.count >= utf8 + 3 && sample[utf8] == 0xEF && sample[utf8 + 1] == 0xBB && sample[utf8 + 2] == 0xBF { utf8 += 3 }
        if utf8 > 0 { return (.utf8, utf8) }
        if sample.count >= 2 && sample[0] == 0xFF && sample[1] == 0xFE { return (.utf16le, 2) }
        if sample.count >= 2 && sample[0] == 0xFE && sample[1] == 0xFF { return (.utf16be, 2) }
        return nil
    }

    /// Picks an encoding for the first bytes of an input (`sample`, at most `sniffLength`);
    /// `complete` says the sample is the whole input.
    static func detect(sample: UnsafeBufferPointer<UInt8>, complete: Bool) -> InputEncoding {
        if let (bom, _) = byteOrderMark(sample) { return bom }
        if let utf16 = EncodingEvidence.utf16WithoutMark(sample) { return utf16 }
        return EncodingEvidence(sample: sample, complete: complete).choice
    }
}
