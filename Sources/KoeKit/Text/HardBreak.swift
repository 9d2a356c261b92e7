/// Where ICU's word rules always break: around punctuation of no word class (UAX #29
/// WB999), which no rule joins to a neighbour, and at script edges between kana or kanji and
/// ASCII (`isScriptEdge`). A line cut there segments exactly as it does whole, so each piece
/// can be segmented on its own, or not at all. A combining mark or format character after a
/// break character would attach to it (WB4), so a break counts only when a plain character
/// follows.
enum HardBreak {
    /// ! ( ) ? 、 。 「 」 『 』 【 】 (full-width forms are ASCII after NFKC).
    @inline(__always)
    static func isBreak(_ u: UInt16) -> Bool {
        // Bit tests, as this runs on every character: ! ( ) ? below 64, 、。「」『』【】 from U+3001.
        if u < 64 { return (1 << 0x21 | 1 << 0x28 | 1 << 0x29 | 1 << 0x3F) as UInt64 >> UInt64(u) & 1 != 0 }
        let k = u &- 0x3001
        return k <= 0x10 && (0x1_F803 as UInt32) >> UInt32(k) & 1 != 0
    }

    /// Characters that never attach to the one before them (no Extend, Format or ZWJ):
    /// ASCII, CJK punctuation before the tone marks, kana without the combining sound marks,
    /// and the unified ideographs.
    @inline(__always)
    static func isPlain(_ u: UInt16) -> Bool {
        u < 0x80 || (0x3001...0x3029).contains(u) || (0x3041...0x3096).contains(u)
            || (0x309B...0x30FF).contains(u) || (0x4E00...0x9FFF).contains(u)
    }

    /// Whether `text[q]` is a break character with a safe neighbour after it.
    @inline(__always)
    static func isBreak(in text: UnsafeBufferPointer<UInt16>, at q: Int) -> Bool {
        isBreak(text[q]) && (q + 1 == text.count || isPlain(text[q + 1]))
    }

    /// Whether ICU always breaks between `a` and `b`: one is kana or kanji (a dictionary
    /// character) and the other ASCII other than `_` (which joins katakana, WB13a/b). No word
    /// rule joins them, and the dictionary's runs end there.
    @inline(__always)
    static func isScriptEdge(_ a: UInt16, _ b: UInt16) -> Bool {
        guard (a < 0x80) != (b < 0x80) else { return false }
        let (ascii, other) = a < 0x80 ? (a, b) : (b, a)
        return ascii != 0x5F && DictionaryPairs.isDictionaryCharacter(other)
    }
}
