/// Weighs UTF-8 against CP932 for a sample of bytes, so that one stray byte does not decide.
///
/// Japanese text in CP932 is mostly bytes that are ill-formed UTF-8, while UTF-8 Japanese
/// text often decodes as CP932 without a single error (as nonsense kanji), so the absence of
/// CP932 errors proves nothing. The evidence is counted: well-formed multi-byte UTF-8
/// sequences, ill-formed ones, and what CP932 could not decode. CP932 wins only when the
/// ill-formed UTF-8 outnumber both the well-formed sequences and the CP932 failures — a CP932
/// file with one user-defined character or one bad byte is still CP932, a UTF-8 file with one
/// bad byte or cut off mid-character is still UTF-8.
struct EncodingEvidence {
    private(set) var wellFormed = 0
    private(set) var illFormed = 0
    private(set) var cp932Failures = 0
    let choice: InputEncoding

    init(sample: UnsafeBufferPointer<UInt8>, complete: Bool) {
        // Unless the sample is the whole input, cut it after a byte that always ends a
        // character (ASCII in UTF-8, below 0x40 in CP932), so that a character split by the
        // sample's end is not taken for a bad one.
        func cut(below limit: UInt8) -> UnsafeBufferPointer<UInt8> {
            guard !complete, let last = sample.lastIndex(where: { $0 < limit }) else { return sample }
            return UnsafeBufferPointer(rebasing: sample[...last])
        }
        (wellFormed, illFormed) = Self.countUTF8(cut(below: 0x80))
        guard illFormed > 0, illFormed > wellFormed,
              let decoded = try? CharsetDecoder(.cp932).decode(cut(below: 0x40), line: 1, column: 0) else {
            choice = .utf8
            return
        }
        cp932Failures = decoded.substitutions.count + decoded.privateUse
        choice = cp932Failures < illFormed ? .cp932 : .utf8
    }

    /// Well-formed multi-byte sequences and ill-formed ones; an ill-formed sequence counts once
    /// and scanning resumes at its next byte. A sequence cut off by the end of the bytes counts
    /// as neither (a truncated file is not evidence of another encoding).
    static func countUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (wellFormed: Int, illFormed: Int) {
        var good = 0, bad = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let bad0 = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[i...])) else {
                good += Self.multiByteCount(UnsafeBufferPointer(rebasing: bytes[i...]))
                break
            }
            let valid = UnsafeBufferPointer(rebasing: bytes[i..<(i + bad0)])
            good += Self.multiByteCount(valid)
            let at = i + bad0
            if Self.isTruncatedTail(UnsafeBufferPointer(rebasing: bytes[at...])) { break }
            bad += 1
            i = at + 1
        }
        return (good, bad)
    }

    /// Lead bytes in well-formed UTF-8.
    private static func multiByteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 >= 0xC2 ? 1 : 0) }
    }

    /// A lead byte followed only by fitting continuation bytes, fewer than it needs.
    private static func isTruncatedTail(_ tail: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lead = tail.first else { return false }
        let need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        return need > tail.count && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte.
    static func utf16WithoutMark(_ sample: UnsafeBufferPointer<UInt8>) -> InputEncoding? {
        let pairs = sample.count / 2
        guard pairs >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for k in 0..<pairs {
            if sample[2 * k] == 0 { evenZero += 1 }
            if sample[2 * k + 1] == 0 { oddZero += 1 }
        }
        if oddZero * 10 >= pairs * 4 && evenZero * 20 < pairs { return .utf16le }
        if evenZero * 10 >= pairs * 4 && oddZero * 20 < pairs { return .utf16be }
        return nil
    }
}
