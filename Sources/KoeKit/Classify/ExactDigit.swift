/// A digit a lexicon line spells literally. The trie folds every ASCII digit to one unit so
/// that `<num>` matches any number; a digit written in the line's literal start (星1, 24時間,
/// 星1[つ|個]も…) must still match itself, or 星1 would also match 星5.
struct ExactDigit: Equatable {
    /// Offset from the start of the match (UTF-16 units).
    let offset: Int32
    let unit: UInt16

    /// Entries whose literal start spells digits. Only a start made of ASCII digits, kana, kanji
    /// and ★☆ is used (normalising those changes no offset); a digit after pattern syntax (inside
    /// an alternation, after a gap) is left folded.
    static func table(_ patterns: [String]) -> [Int32: [ExactDigit]] {
        var out: [Int32: [ExactDigit]] = [:]
        for (i, pattern) in patterns.enumerated() {
            var digits: [ExactDigit] = []
            var offset: Int32 = 0
            for u in pattern.utf16 {
                if (0x30...0x39).contains(u) {
                    digits.append(ExactDigit(offset: offset, unit: u))
                } else if !((0x3041...0x30FF).contains(u) || (0x4E00...0x9FFF).contains(u) || u == 0x2605 || u == 0x2606) {
                    break
                }
                offset += 1
            }
            if !digits.isEmpty { out[Int32(i)] = digits }
        }
        return out
    }

    /// Whether `hit` spells the digits its entry requires (or requires none).
    static func holds(_ hit: Hit, in text: UnsafeBufferPointer<UInt16>, _ table: [Int32: [ExactDigit]]) -> Bool {
        guard let digits = table[hit.entry] else { return true }
        for d in digits where d.offset < hit.end - hit.start {
            if text[Int(hit.start + d.offset)] != d.unit { return false }
        }
        return true
    }
}
