/// Parses the dates ticket exports carry and places them in Asia/Tokyo (UTC+9, no DST):
/// `2026-11-16 09:05:00`, `2026/11/16 9:05`, `2026-11-16T09:05:00+09:00`, `…Z`, `2026-11-16`,
/// `2026年11月16日 9時5分`, Google Forms' `2026/11/16 9:05:12 午前 GMT+9` (午前/午後 or AM/PM,
/// `GMT`/`UTC` with an offset), and Unix times in seconds or milliseconds (`1794877500`, as
/// Intercom's API gives them). Timezone-naive values are Tokyo time.
public enum TicketTimestamp {
    /// Minutes east of UTC for Asia/Tokyo.
    static let tokyoOffset = 9 * 60

    /// The Tokyo calendar date and minute of day, or nil when `text` is not a date.
    public static func tokyo(_ text: String) -> (date: CivilDate, minute: Int)? {
        if let plain = plainTokyo(text) { return plain ?? nil }
        return parsed(text)
    }

    /// `parsed` of the forms nearly every export uses, read from their bytes without decoding
    /// Characters: `2026-11-16` or `2026/11/16` (month and day of one or two digits), then
    /// optionally a space or `T`, `H:MM` or `HH:MM`, `:SS`, and `Z` or `±HH:MM`. The outer nil
    /// when `text` is not of such a form; else the same answer as `parsed`.
    static func plainTokyo(_ text: String) -> (date: CivilDate, minute: Int)?? {
        var text = text
        return text.withUTF8 { b -> (date: CivilDate, minute: Int)?? in
            let n = b.count
            var i = 0
            /// `least` to `most` ASCII digits at `i` (moved past them); nil when fewer.
            func digits(_ least: Int, _ most: Int) -> Int? {
                var v = 0, k = 0
                while k < most, i < n, b[i] >= 0x30 && b[i] <= 0x39 {
                    v = v * 10 + Int(b[i] - 0x30)
                    i += 1
                    k += 1
                }
                return k >= least ? v : nil
            }
            func take(_ byte: UInt8) -> Bool {
                guard i < n, b[i] == byte else { return false }
                i += 1
                return true
            }
            guard let y = digits(4, 4), i < n, b[i] == 0x2D || b[i] == 0x2F else { return nil }
            let separator = b[i]
            i += 1
            guard let mo = digits(1, 2), take(separator), let d = digits(1, 2) else { return nil }
            var hour = 0, minute = 0
            var offset: Int?
            if i < n {
                guard b[i] == 0x20 || b[i] == 0x54 else { return nil }
                i += 1
                guard let h = digits(1, 2), take(0x3A), let m = digits(2, 2) else { return nil }
                if take(0x3A) { guard digits(2, 2) != nil else { return nil } }
                hour = h
                minute = m
                if take(0x5A) {
                    offset = 0
                } else if i < n, b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2B ? 1 : -1
                    i += 1
                    guard let oh = digits(2, 2), take(0x3A), let om = digits(2, 2) else { return nil }
                    offset = sign * (oh * 60 + om)
                }
            }
            guard i == n else { return nil }
            // Of the form: whatever `parsed` says of it.
            guard y >= 1900, let date = CivilDate(year: y, month: mo, day: d), hour < 24 && minute < 60 else { return .some(nil) }
            var total = date.dayNumber * 1440 + hour * 60 + minute
            if let offset { total += tokyoOffset - offset }
            let day = total >= 0 ? total / 1440 : (total - 1439) / 1440
            return (CivilDate(dayNumber: day), total - day * 1440)
        }
    }

    /// `tokyo` of any form it reads, Character by Character.
    static func parsed(_ text: String) -> (date: CivilDate, minute: Int)? {
        let trimmed = text.trimmingSpaces
        if let unix = unixTime(trimmed) { return unix }
        var s = Array(trimmed.unicodeScalars.map { Character($0) })
        // 年月日 / 時分 → separators
        s = s.map { c in
            switch c {
            case "年", "月", "/", ".": "-"
            case "日": " "
            case "時", "分": ":"
            default: c
            }
        }
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while i < s.count, n < maxDigits, let d = s[i].wholeNumberValue, s[i].isASCII { v = v * 10 + d; i += 1; n += 1 }
            return n > 0 ? v : nil
        }
        func skip(_ set: Set<Character>) { while i < s.count && set.contains(s[i]) { i += 1 } }
        guard let y = number(maxDigits: 4), y >= 1900, i < s.count, s[i] == "-" else { return nil }
        i += 1
        guard let mo = number(maxDigits: 2), i < s.count, s[i] == "-" else { return nil }
        i += 1
        guard let d = number(maxDigits: 2), let date = CivilDate(year: y, month: mo, day: d) else { return nil }
        skip([" ", "T", "t"])
        var meridiem = self.meridiem(s, &i)
        skip([" "])
        var hour = 0, minute = 0
        if let h = number(maxDigits: 2) {
            hour = h
            if i < s.count && s[i] == ":" { i += 1; minute = number(maxDigits: 2) ?? 0 }
            if i < s.count && s[i] == ":" { i += 1; _ = number(maxDigits: 2) }
            if i < s.count && s[i] == "." { i += 1; while i < s.count && s[i].isNumber { i += 1 } }
        }
        skip([" "])
        if meridiem == nil { meridiem = self.meridiem(s, &i) }
        if let pm = meridiem {
            guard hour >= 1 && hour <= 12 else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24 && minute < 60 else { return nil }
        skip([" "])
        for zone in ["GMT", "UTC"] where s[i...].starts(with: zone) {
            i += 3
            if i == s.count || (s[i] != "+" && s[i] != "-") { s.insert("Z", at: i) }
        }
        var offset: Int? = nil
        if i < s.count {
            if s[i] == "Z" || s[i] == "z" { offset = 0; i += 1 }
            else if s[i] == "+" || s[i] == "-" {
                let sign = s[i] == "+" ? 1 : -1
                i += 1
                guard let oh = number(maxDigits: 2) else { return nil }
                if i < s.count && s[i] == ":" { i += 1 }
                let om = number(maxDigits: 2) ?? 0
                offset = sign * (oh * 60 + om)
            }
        }
        skip([" ", ":"])
        guard i == s.count else { return nil }
        var total = date.dayNumber * 1440 + hour * 60 + minute
        if let offset { total += tokyoOffset - offset }
        let day = total >= 0 ? total / 1440 : (total - 1439) / 1440
        return (CivilDate(dayNumber: day), total - day * 1440)
    }

    /// 午前/午後 or AM/PM at `i` (moved past it): true for the afternoon; nil when absent.
    private static func meridiem(_ s: [Character], _ i: inout Int) -> Bool? {
        for (word, pm) in [("午前", false), ("午後", true), ("AM", false), ("PM", true), ("am", false), ("pm", true)]
        where s[i...].starts(with: word) {
            i += word.count
            return pm
        }
        return nil
    }

    /// A Unix time of 10 digits (seconds) or 13 (milliseconds): 2001 to 2286.
    private static func unixTime(_ text: String) -> (date: CivilDate, minute: Int)? {
        guard text.utf8.count == 10 || text.utf8.count == 13, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              var seconds = Int(text) else { return nil }
        if text.utf8.count == 13 { seconds /= 1000 }
        let minutes = seconds / 60 + tokyoOffset
        let day = minutes / 1440
        return (CivilDate(dayNumber: day), minutes % 1440)
    }

    /// The ISO week (Tokyo time) of `text`, or nil when it is not a date.
    public static func week(_ text: String) -> ISOWeek? {
        tokyo(text).map { ISOWeek(containing: $0.date) }
    }
}
