/// The character encoding of an input.
public enum InputEncoding: String, CaseIterable, Sendable {
    /// UTF-8 when the start of the input (64 KiB) is valid UTF-8, else CP932 when it decodes as
    /// CP932 without a single substitution (nor a user-defined character), else UTF-8 with repairs.
    case auto
    /// UTF-8, with or without a BOM; ill-formed bytes become U+FFFD with a warning.
    case utf8 = "utf-8"
    /// CP932 (Windows Shift_JIS, as saved by Japanese Excel), decoded by ICU ("windows-31j");
    /// bytes that do not decode become U+FFFD with a warning.
    case cp932

    /// How many bytes at the start of the input `auto` looks at.
    static let sniffLength = 1 << 16

    /// Picks `utf8` or `cp932` for the first bytes of an input (`sample`, at most
    /// `sniffLength`); `complete` says the sample is the whole input.
    static func detect(sample: UnsafeBufferPointer<UInt8>, complete: Bool) -> InputEncoding {
        if sample.count >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF { return .utf8 }
        // Unless the sample is the whole input, cut it after a byte that always ends a
        // character (ASCII in UTF-8, below 0x40 in CP932), so that a character split by the
        // sample's end is not taken for a bad one.
        func cut(below limit: UInt8) -> UnsafeBufferPointer<UInt8> {
            guard !complete, let last = sample.lastIndex(where: { $0 < limit }) else { return sample }
            return UnsafeBufferPointer(rebasing: sample[...last])
        }
        if UTF8Validation.firstInvalidOffset(cut(below: 0x80)) == nil { return .utf8 }
        guard let decoded = try? CP932Decoder().decode(cut(below: 0x40), line: 1, column: 0) else { return .utf8 }
        return decoded.substitutions.isEmpty && decoded.privateUse == 0 ? .cp932 : .utf8
    }
}
