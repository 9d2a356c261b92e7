/// Kanji as the rules see them: the CJK unified ideographs and extension A.
enum Kanji {
    @inline(__always)
    static func contains(_ u: UInt16) -> Bool { (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) }

    /// Kanji numerals as counted amounts start with them: 〇一二三四五六七八九十百千万億, 数 (several),
    /// 何 and 幾 (how many), 両 (both).
    static let numerals: Set<UInt16> = Set("〇一二三四五六七八九十百千万億数何幾両".utf16)

    /// Counters and units that follow a number: 日 週 月 年 回 度 時 分 秒 件 個 台 人 円 枚 通 本 泊 名
    /// 倍 割 箇 歳 杯 点 社 店 軒 冊 着 足 部 位.
    static let counters: Set<UInt16> = Set("日週月年回度時分秒件個台人円枚通本泊名倍割箇歳杯点社店軒冊着足部位".utf16)

    /// Where a token that ICU's dictionary keeps whole as a kanji numeral and a counter
    /// (三日, 何回, 数日, 二十日) splits: after the numerals; nil for other tokens (一緒, 十字).
    static func numeralEnd(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Int? {
        var p = start
        while p < end && numerals.contains(text[p]) { p += 1 }
        guard p > start && p < end && counters.contains(text[p]) else { return nil }
        return p
    }
}

