import KoeICU

/// Encodes UTF-8 output as CP932 (Windows Shift_JIS, what Japanese Excel opens by default).
///
/// The table is the reverse of ICU's `windows-31j` decoder, so what koe writes reads back as
/// the same text. Where CP932 holds a character twice (NEC row 13, NEC-selected and IBM
/// extensions) the code Windows itself writes is used: the lowest one outside the
/// NEC-selected rows 0xED/0xEE. A few characters that CP932 lacks but Japanese text often
/// carries from Macs and the web go to the CP932 character Windows shows for them (`〜`
/// WAVE DASH to `～`, `−` MINUS SIGN to `－`, `‖`, `—`, `¢`, `£`, `¬`, `¥` to `\`, `‾` to `~`),
/// as Windows' own best-fit conversion does. Every other character CP932 cannot hold becomes
/// `〓` (GETA MARK, 0x81AC) and is counted, so the caller can say so.
public struct CP932Encoder: Sendable {
    /// The replacement for a character CP932 cannot hold.
    public static let replacement: Character = "〓"
    private static let replacementCode: UInt16 = 0x81AC

    /// Best-fit mappings for characters outside CP932 (see the type's comment).
    private static let bestFit: [UInt32: UInt16] = [
        0x301C: 0x8160, 0x2016: 0x8161, 0x2212: 0x817C, 0x2014: 0x815C,
        0x00A2: 0x8191, 0x00A3: 0x8192, 0x00AC: 0x81CA, 0x00A5: 0x005C, 0x203E: 0x007E,
    ]

    /// CP932 code per BMP scalar; 0 for none (U+0000 is handled apart).
    private let table: [UInt16]

    public static let shared = CP932Encoder()

    private init() {
        var table = [UInt16](repeating: 0, count: 0x10000)
        for byte in 0x01...0x7F { table[byte] = UInt16(byte) }
        for byte in 0xA1...0xDF { table[0xFF61 + byte - 0xA1] = UInt16(byte) }
        let leads = Array(0x81...0x9F) + Array(0xE0...0xFC)
        let trails = Array(0x40...0x7E) + Array(0x80...0xFC)
        // NEC-selected IBM extensions last, so the codes Windows writes win.
        for lead in leads.filter({ $0 != 0xED && $0 != 0xEE }) + [0xED, 0xEE] {
            // One ICU call per lead byte: every pair followed by a line feed, which keeps the
            // decoder in step whether or not the pair is assigned.
            var source: [UInt8] = []
            for trail in trails { source += [UInt8(lead), UInt8(trail), 0x0A] }
            var units = [UInt16](repeating: 0, count: source.count * 2)
            var substitutions: Int32 = 0, status: Int32 = 0
            let length = koe_charset_to_utf16("windows-31j", source, Int32(source.count), &units,
                                              Int32(units.count), &substitutions, &status)
            guard status <= 0 else { continue }
            let decoded = units[..<Int(length)].split(separator: 0x0A, omittingEmptySubsequences: false)
            for (trail, unitsOfPair) in zip(trails, decoded) {
                guard unitsOfPair.count == 1, let unit = unitsOfPair.first, unit != 0xFFFD else { continue }
                if table[Int(unit)] == 0 { table[Int(unit)] = UInt16(lead << 8 | trail) }
            }
        }
        for (scalar, code) in Self.bestFit where table[Int(scalar)] == 0 { table[Int(scalar)] = code }
        self.table = table
    }

    /// What `encode` replaced.
    public struct Replacements: Sendable, Equatable {
        public var count = 0
        /// The first character replaced, for the message.
        public var first: Unicode.Scalar?

        public init() {}

        public mutating func add(_ other: Replacements) {
            count += other.count
            if first == nil { first = other.first }
        }
    }

    /// The CP932 code of `scalar`, nil when CP932 has none.
    public func code(_ scalar: Unicode.Scalar) -> UInt16? {
        if scalar.value == 0 { return 0 }
        guard scalar.value < 0x10000 else { return nil }
        let code = table[Int(scalar.value)]
        return code == 0 ? nil : code
    }

    /// Appends the CP932 bytes of the UTF-8 text `utf8` to `out`.
    public func encode(_ utf8: UnsafeBufferPointer<UInt8>, into out: ByteBuffer, replacements: inout Replacements) {
        var iterator = utf8.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                let code: UInt16
                if let known = self.code(scalar) {
                    code = known
                } else {
                    code = Self.replacementCode
                    replacements.count += 1
                    if replacements.first == nil { replacements.first = scalar }
                }
                if code > 0xFF { out.append(UInt8(code >> 8)) }
                out.append(UInt8(code & 0xFF))
            case .error:
                out.append(UInt8(Self.replacementCode >> 8))
                out.append(UInt8(Self.replacementCode & 0xFF))
                replacements.count += 1
            case .emptyInput:
                return
            }
        }
    }
}
