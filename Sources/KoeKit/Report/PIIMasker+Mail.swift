extension PIIMasker {
    /// E-mail addresses, left to right: an `@` with a local part before it and a domain of two
    /// or more labels after it, the last an ASCII top-level domain (2+ letters) or a non-ASCII
    /// one. Local parts are ASCII (`taro.yamada+x`), quoted (`"taro yamada"`) or Japanese
    /// (`やまだ`: the run of letters before the `@`, which may take a particle with it); domains
    /// may be internationalised (`例え.jp`, `xn--…`). A local part never reaches back past the
    /// previous `@` and a domain never past the next, so every unit is read at most twice.
    static func mailSpans(in s: [UInt16], steps: inout Int) -> [Span] {
        var spans: [Span] = []
        var previousAt = -1, end = 0
        for p in s.indices where s[p] == 0x40 {
            defer { previousAt = p }
            guard p >= end,
                  let start = localStart(in: s, at: p, floor: max(previousAt + 1, end), steps: &steps),
                  let stop = domainEnd(in: s, after: p, steps: &steps)
            else { continue }
            spans.append(Span(range: start..<stop, kind: .mail))
            end = stop
        }
        return spans
    }

    /// Where the local part before the `@` at `at` begins; nil when there is none.
    private static func localStart(in s: [UInt16], at: Int, floor: Int, steps: inout Int) -> Int? {
        guard at > floor else { return nil }
        let last = s[at - 1]
        var i = at - 1
        if last == 0x22 {  // "quoted local part"
            i -= 1
            while i >= floor && s[i] != 0x22 && s[i] != 0x0A { steps += 1; i -= 1 }
            return i >= floor && s[i] == 0x22 && i < at - 2 ? i : nil
        }
        let ascii = isASCIILocal(last)
        guard ascii || isWordLetter(last) else { return nil }
        while i - 1 >= floor && (ascii ? isASCIILocal(s[i - 1]) : isWordLetter(s[i - 1])) { steps += 1; i -= 1 }
        return i
    }

    /// Where the domain after the `@` at `at` ends (exclusive); nil when it is not a domain.
    private static func domainEnd(in s: [UInt16], after at: Int, steps: inout Int) -> Int? {
        var i = at + 1, labels = 0, end: Int?
        while i < s.count {
            // A label is ASCII (letters, digits, hyphens) or non-ASCII letters, not a mix, so
            // that "example.jpまで" ends after "jp".
            let ascii = isASCIILabel(s[i])
            guard ascii || isWordLetter(s[i]) else { break }
            let start = i
            var letters = 0  // leading ASCII letters: "jp" in "jp1234" still ends a domain
            while i < s.count && (ascii ? isASCIILabel(s[i]) : isWordLetter(s[i])) {
                steps += 1
                if ascii && letters == i - start && isASCIILetter(s[i]) { letters += 1 }
                i += 1
            }
            labels += 1
            if labels >= 2 && (!ascii || letters >= 2) { end = ascii ? start + letters : i }
            guard i + 1 < s.count, s[i] == 0x2E, isASCIILabel(s[i + 1]) || isWordLetter(s[i + 1]) else { break }
            i += 1
        }
        return end
    }

    static func isASCIILetter(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }

    private static func isASCIILabel(_ u: UInt16) -> Bool { isASCIILetter(u) || isASCIIDigit(u) || u == 0x2D }

    /// `[A-Za-z0-9._%+-]`
    private static func isASCIILocal(_ u: UInt16) -> Bool {
        isASCIILabel(u) || u == 0x2E || u == 0x5F || u == 0x25 || u == 0x2B
    }

    /// A non-ASCII unit that can be part of a name: not punctuation, a symbol, a space, the
    /// 〔〕 of a placeholder, an emoji half or a masked unit.
    static func isWordLetter(_ u: UInt16) -> Bool {
        switch u {
        case 0..<0xC0, 0xD7, 0xF7: false
        case 0x2000...0x2BFF: false  // punctuation, arrows, symbols, boxes
        case 0x3000...0x303F: false  // 、。「」〔〕〜
        case 0xD800...0xDFFF, 0xE000...0xF8FF: false
        case 0xFE30...0xFE4F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: false
        case 0xFFF0...0xFFFF: false
        default: true
        }
    }
}
