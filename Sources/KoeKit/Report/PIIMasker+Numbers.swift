extension PIIMasker {
    /// A run of digit groups joined by short separators (`-`, `.`, space, `/`, `~`, parentheses;
    /// one or two units): `090-1234-5678`, `+81 (0)3 1234 5678`, `4111 1111.1111-1111`, `2026/11/16`.
    struct Chain {
        var groups: [Range<Int>] = []
        /// `separators[k]` joins group k-1 and group k; `separators[0]` is empty.
        var separators: [Range<Int>] = []
    }

    /// Every chain in the text, classified group by group from the left: one pass, and the
    /// work per chain is linear in its groups.
    static func numberSpans(in s: [UInt16], steps: inout Int) -> [Span] {
        var spans: [Span] = []
        var i = 0
        while i < s.count {
            guard isASCIIDigit(s[i]) else { i += 1; continue }
            var chain = Chain()
            var at = i
            while true {
                let start = at
                while at < s.count && isASCIIDigit(s[at]) { steps += 1; at += 1 }
                chain.groups.append(start..<at)
                var gap = at
                while gap < s.count && gap - at < 2 && isSeparator(s[gap]) { steps += 1; gap += 1 }
                guard gap > at, gap < s.count, isASCIIDigit(s[gap]) else { break }
                chain.separators.append(at..<gap)
                at = gap
            }
            chain.separators.insert(i..<i, at: 0)
            classify(chain, in: s, into: &spans)
            i = at
        }
        return spans
    }

    /// `-`, `.`, space, `/`, `~`, `(`, `)`
    static func isSeparator(_ u: UInt16) -> Bool {
        u == 0x2D || u == 0x2E || u == 0x20 || u == 0x2F || u == 0x7E || u == 0x28 || u == 0x29
    }

    /// Postal code (only at the chain's start, after 〒 / 郵便番号), then at each group the first
    /// that fits: international phone, domestic phone, grouped number, a lone run of 7+ digits.
    static func classify(_ chain: Chain, in s: [UInt16], into spans: inout [Span]) {
        var k = 0
        if let (span, next) = postalCode(chain, in: s) {
            spans.append(span)
            k = next
        }
        while k < chain.groups.count {
            if let (span, next) = phone(chain, from: k, in: s) ?? groupedNumber(chain, from: k, in: s) {
                spans.append(span)
                k = next
                continue
            }
            let group = chain.groups[k]
            if group.count >= 7 && !isDecimalPart(chain, k, in: s) && !isQuantity(group, in: s)
                && !(group.count == 8 && isCompactDate(s[group])) {
                spans.append(Span(range: group, kind: .number))
            }
            k += 1
        }
    }

    /// `〒150-0001`, `〒 123 4567`, `郵便番号：1500001`. After 〒 the mark is masked too.
    static func postalCode(_ chain: Chain, in s: [UInt16]) -> (Span, Int)? {
        let g = chain.groups
        var end: (Int, Int)?
        if g[0].count == 7 { end = (g[0].upperBound, 1) }
        if g[0].count == 3, g.count > 1, g[1].count == 4, [0x2D, 0x20].contains(s[chain.separators[1].lowerBound]),
           chain.separators[1].count == 1 {
            end = (g[1].upperBound, 2)
        }
        guard let (stop, next) = end else { return nil }
        var i = g[0].lowerBound - 1
        var spaces = 0
        while i >= 0 && s[i] == 0x20 && spaces < 2 { i -= 1; spaces += 1 }
        if i >= 0 && s[i] == 0x3012 { return (Span(range: i..<stop, kind: .postal), next) }  // 〒
        if i >= 0 && (s[i] == 0x3A || s[i] == 0x306F) { i -= 1 }  // : は
        while i >= 0 && s[i] == 0x20 && spaces < 4 { i -= 1; spaces += 1 }
        let label = Array("郵便番号".utf16)
        guard i + 1 >= label.count, Array(s[(i + 1 - label.count)...i]) == label else { return nil }
        return (Span(range: g[0].lowerBound..<stop, kind: .postal), next)
    }

    /// `+81-90-1234-5678`, `+81 (0)3 1234 5678` (9–11 digits after 81), `03-1234-5678`,
    /// `(03)1234-5678`, `090〜1234〜5678`, `09012345678` (10–11 digits from a 0, in one to three
    /// groups). Not when the chain goes on with `-digits`: that is some other number.
    static func phone(_ chain: Chain, from k: Int, in s: [UInt16]) -> (Span, Int)? {
        let g = chain.groups
        func digits(_ r: ClosedRange<Int>) -> Int { r.reduce(0) { $0 + g[$1].count } }
        func continues(after e: Int) -> Bool {
            e + 1 < g.count && chain.separators[e + 1].count == 1 && s[chain.separators[e + 1].lowerBound] == 0x2D
        }
        let before = g[k].lowerBound - 1
        if k == 0, before >= 0, s[before] == 0x2B, s[g[0]] == [0x38, 0x31] {  // +81
            var first = 1
            if g.count > 2, g[1].count == 1, s[g[1].lowerBound] == 0x30, s[chain.separators[1]].contains(0x28) { first = 2 }
            for e in stride(from: min(first + 2, g.count - 1), through: first, by: -1)
            where (9...11).contains(digits(1...e)) && !continues(after: e) {
                return (Span(range: before..<g[e].upperBound, kind: .phone), e + 1)
            }
            return nil
        }
        guard s[g[k].lowerBound] == 0x30 else { return nil }
        if k > 0, chain.separators[k].count == 1, [0x2D, 0x2E].contains(s[chain.separators[k].lowerBound]) { return nil }
        let start = before >= 0 && s[before] == 0x28 ? before : g[k].lowerBound
        for e in stride(from: min(k + 2, g.count - 1), through: k, by: -1)
        where (10...11).contains(digits(k...e)) && !continues(after: e) {
            return (Span(range: start..<g[e].upperBound, kind: .phone), e + 1)
        }
        return nil
    }

    /// `4111-1111-1111-1111`, `1234-567890`, `1234 5678 9012` (My Number), `3782 822463 10005`,
    /// `4111.1111.1111.1111`: two or more groups of 3+ digits joined by one `-`, `.` or space;
    /// 7+ digits when only hyphens join them, else 10+ (so `1000 2000` and IP-like pairs stay).
    static func groupedNumber(_ chain: Chain, from k: Int, in s: [UInt16]) -> (Span, Int)? {
        let g = chain.groups, sep = chain.separators
        guard !startsAfterDecimalPoint(chain, k, in: s) else { return nil }
        var e = k, total = g[k].count, hyphensOnly = true
        guard g[k].count >= 3 else { return nil }
        while e + 1 < g.count, g[e + 1].count >= 3, sep[e + 1].count == 1,
              [0x2D, 0x2E, 0x20].contains(s[sep[e + 1].lowerBound]) {
            e += 1
            total += g[e].count
            if s[sep[e].lowerBound] != 0x2D { hyphensOnly = false }
        }
        let range = g[k].lowerBound..<g[e].upperBound
        guard e > k, total >= (hyphensOnly ? 7 : 10), !isQuantity(range, in: s) else { return nil }
        return (Span(range: range, kind: .number), e + 1)
    }

    /// `3.14159265`: the digits after a decimal point (or a `/`, `,`, `:` after a digit).
    static func startsAfterDecimalPoint(_ chain: Chain, _ k: Int, in s: [UInt16]) -> Bool {
        let at = chain.groups[k].lowerBound
        guard at >= 2, [0x2E, 0x2F, 0x2C, 0x3A].contains(s[at - 1]) else { return false }
        return isASCIIDigit(s[at - 2])
    }

    static func isDecimalPart(_ chain: Chain, _ k: Int, in s: [UInt16]) -> Bool {
        let at = chain.groups[k].lowerBound
        return at >= 2 && s[at - 1] == 0x2E && isASCIIDigit(s[at - 2])
    }

    /// Money (`¥1234567`, `$ 1234567`) or a count (`1234567円`, `1000000 件`).
    static func isQuantity(_ range: Range<Int>, in s: [UInt16]) -> Bool {
        var before = range.lowerBound - 1
        if before >= 1 && s[before] == 0x20 { before -= 1 }
        if before >= 0 && (s[before] == 0xA5 || s[before] == 0x24) { return true }
        var after = range.upperBound
        if after < s.count && s[after] == 0x20 { after += 1 }
        guard after < s.count else { return false }
        if quantityUnits.contains(s[after]) { return true }
        return after + 1 < s.count && s[after] == 0x30C9 && s[after + 1] == 0x30EB  // ドル
    }

    /// Counters and currencies after a number that make it a quantity, not an identifier.
    static let quantityUnits: Set<UInt16> = Set("円万億兆件行回人名個台枚%倍".utf16)

    /// 20261116 reads as a date, not an order number.
    static func isCompactDate(_ digits: ArraySlice<UInt16>) -> Bool {
        guard digits.count == 8 else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1) - 48 }
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        return (1990...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
