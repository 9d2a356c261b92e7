import KoeICU

/// Decodes CP932 or UTF-16 bytes to UTF-8 through an ICU converter, chunk by chunk.
///
/// CP932 is stateless, and bytes below 0x40 (among them LF, CR, tab, `"` and `,`) are never
/// part of a double-byte character, so any chunk that ends just after such a byte decodes
/// on its own: the input never has to be held whole. In UTF-16 a chunk may end after any
/// line feed unit (no other unit holds the bytes of U+000A in that order and alignment).
final class CharsetDecoder {
    let encoding: InputEncoding
    private let converter: String

    /// `encoding` is `.cp932`, `.utf16le` or `.utf16be`.
    init(_ encoding: InputEncoding) {
        self.encoding = encoding
        switch encoding {
        case .utf16le: converter = "UTF-16LE"
        case .utf16be: converter = "UTF-16BE"
        default: converter = "windows-31j"
        }
    }

    /// A place where bytes did not decode: 1-based line and byte column in the decoded text.
    struct Substitution: Equatable {
        let line: Int
        let column: Int
    }

    private let units = ScratchBuffer<UInt16>(capacity: 1 << 16)
    private let utf8 = ScratchBuffer<UInt8>(capacity: 3 << 16)

    /// The end of the longest prefix of `bytes` that can be decoded alone: just after the last
    /// byte below 0x40 (CP932) or line feed (UTF-16), or 0 when there is none.
    func safeCut(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard encoding == .cp932 else {
            var i = bytes.count & ~1
            let (high, low): (UInt8, UInt8) = encoding == .utf16le ? (0x00, 0x0A) : (0x0A, 0x00)
            while i >= 2 {
                if bytes[i - 2] == low && bytes[i - 1] == high { return i }
                i -= 2
            }
            return 0
        }
        var i = bytes.count
        while i > 0 {
            if bytes[i - 1] < 0x40 { return i }
            i -= 1
        }
        return 0
    }

    /// What one chunk decoded to.
    struct Chunk {
        /// Valid until the next `decode`.
        let utf8: UnsafeBufferPointer<UInt8>
        let substitutions: [Substitution]
        /// How many characters came from the user-defined area (U+E000…): rare in real CP932
        /// text, common when UTF-8 is misread as CP932.
        let privateUse: Int
        /// Where the next chunk starts.
        let line: Int
        let column: Int
    }

    /// Decodes `bytes`, which start at `line`, byte column `column` (0-based) of the decoded
    /// text.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) throws -> Chunk {
        let count = try toUTF16(bytes)
        var substitutions: [Substitution] = []
        var privateUse = 0
        var line = line
        var column = column
        for i in 0..<count {
            let u = units[i]
            if u == 0x0A {
                line += 1
                column = 0
                continue
            }
            if u == 0xFFFD { substitutions.append(Substitution(line: line, column: column + 1)) }
            if u >= 0xE000 && u <= 0xF8FF { privateUse += 1 }
            column += u < 0x80 ? 1 : u < 0x800 ? 2 : (u & 0xFC00) == 0xD800 ? 4 : (u & 0xFC00) == 0xDC00 ? 0 : 3
        }
        let length = try toUTF8(count)
        let text = UnsafeBufferPointer(start: utf8.pointer, count: length)
        return Chunk(utf8: text, substitutions: substitutions, privateUse: privateUse, line: line, column: column)
    }

    private func toUTF16(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        units.reserve(bytes.count + 16)
        while true {
            var substitutions: Int32 = 0
            var status: Int32 = 0
            let n = koe_charset_to_utf16(
                converter, base, Int32(bytes.count), units.pointer, Int32(units.capacity),
                &substitutions, &status)
            try ICUError.check(status, "\(encoding.displayName) decoding")
            if Int(n) <= units.capacity { return Int(n) }
            units.reserve(Int(n))
        }
    }

    private func toUTF8(_ count: Int) throws -> Int {
        guard count > 0 else { return 0 }
        utf8.reserve(count * 3 + 16)
        var status: Int32 = 0
        let n = koe_utf16_to_utf8(units.pointer, Int32(count), utf8.pointer, Int32(utf8.capacity), &status)
        try ICUError.check(status, "UTF-16 to UTF-8 conversion")
        return Int(n)
    }
}
