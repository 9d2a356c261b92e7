/// A deterministic random generator (SplitMix64) for property tests: failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Text drawn from the characters that make Japanese feedback hard: kana of both widths,
    /// combining marks, full-width ASCII, dashes, emoji, spaces, compatibility ideographs.
    mutating func mixedJapanese(length: Int) -> String {
        let pool: [String] = [
            "あ", "ロ", "グ", "イ", "ン", "で", "き", "ま", "せ", "ん", "。", "、", "！", "？", "ｶ", "ﾞ", "ｯ", "ｰ",
            "Ａ", "ｚ", "１", "a", "Z", "9", "-", "−", "〜", "～", "ー", " ", "　", "😀", "🙏", "👍🏻", "㍻", "①",
            "\u{3099}", "か", "認", "証", "解", "約", "ﾃ", "ｽ", "ﾄ", "㈱", "ﬁ", "Ⅲ", "\u{FFFD}",
        ]
        var s = ""
        for _ in 0..<length { s += pool[Int.random(in: 0..<pool.count, using: &self)] }
        return s
    }
}
