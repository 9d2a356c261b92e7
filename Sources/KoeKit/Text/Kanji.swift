/// Kanji as the rules see them: the CJK unified ideographs and extension A.
enum Kanji {
    @inline(__always)
    static func contains(_ u: UInt16) -> Bool { (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) }

    /// Kanji numerals as counted amounts start with them: 〇一二三四五六七八九十百千万億, 数 (several),
    /// 何 and 幾 (how many), 両 (both). A switch, not a set: the tokenizer asks for every kanji token.
    @inline(__always)
    static func isNumeral(_ u: UInt16) -> Bool {
        switch u {
        case 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07,
             0x5104, 0x6570, 0x4F55, 0x5E7E, 0x4E21: true
        default: false
        }
    }

    /// Counters and units that follow a number: 日 週 月 年 回 度 時 分 秒 件 個 台 人 円 枚 通 本 泊 名
    /// 倍 割 箇 歳 杯 点 社 店 軒 冊 着 足 部 位.
    static let counters: Set<UInt16> = Set("日週月年回度時分秒件個台人円枚通本泊名倍割箇歳杯点社店軒冊着足部位".utf16)

    /// Where a token that ICU's dictionary keeps whole as a kanji numeral and a counter
    /// (三日, 何回, 数日, 二十日) splits: after the numerals; nil for other tokens (一緒, 十字).
    static func numeralEnd(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Int? {
        var p = start
        while p < end && isNumeral(text[p]) { p += 1 }
        guard p > start && p < end && counters.contains(text[p]) else { return nil }
        return p
    }
}
