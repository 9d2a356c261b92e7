/// Recuts ICU's words into the short units of Japanese corpora (UniDic, UD Japanese) where the
/// two disagree most: runs of hiragana and the kana ending of a verb or adjective written with
/// one kanji. ICU keeps まし|た, あり|ませ|ん, し|て|いる whole as ました, ありません, している,
/// and cuts 入って as 入|って where the units are 入っ|て.
///
/// Each run of hiragana tokens is cut anew at the least cost (`Cost`): a piece is a listed unit,
/// one of ICU's words kept whole, or one unknown kana; an `ending` right after a single kanji
/// joins it. Among equal costs, longer pieces win, then a cut right after a small っ (なっ|て). A kana word the table does not know
/// (たくさん, きれい) stays as ICU found it unless two units make it up. Other tokens pass through
/// unchanged.
public final class ShortUnitSplitter {
    private let units: KanaSet
    private let endings: KanaSet
    // One splitter per thread, like the analyzer's buffers: no exclusivity bookkeeping per access.
    @exclusivity(unchecked) private var cost: [Int] = []
    @exclusivity(unchecked) private var length: [Int] = []
    @exclusivity(unchecked) private var from: [Int] = []
    @exclusivity(unchecked) private var pieces: [Int] = []
    @exclusivity(unchecked) private var wordEnd: [Int] = []

    public init(_ table: [ShortUnit]) {
        units = KanaSet(table.filter { $0.kind == .unit }.map { KanaSet.key($0.text) })
        endings = KanaSet(table.filter { $0.kind == .ending }.map { KanaSet.key($0.text) })
    }

    /// `tokens` (over `text`, the normalised line) recut into `out`.
    public func split(_ tokens: [Token], text: UnsafeBufferPointer<UInt16>, into out: inout [Token]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < tokens.count {
            guard isHiragana(tokens[i], text) else {
                out.append(tokens[i])
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count && tokens[j].start == tokens[j - 1].end && isHiragana(tokens[j], text) { j += 1 }
            recut(tokens[i..<j], text: text, into: &out)
            i = j
        }
    }

    private func isHiragana(_ t: Token, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard t.kind == .kana, t.end > t.start else { return false }
        for p in Int(t.start)..<Int(t.end) where !(0x3041...0x309F).contains(text[p]) { return false }
        return true
    }

    /// Whether the token before a run ends in a kanji that follows no other kanji (入, 言;
    /// not 安心: a noun of two kanji takes し|て as words of their own).
    private func endsInSingleKanji(_ t: Token, runStart: Int32, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard t.end == runStart, t.end > t.start, Kanji.contains(text[Int(t.end) - 1]) else { return false }
        return t.end - t.start == 1 || !Kanji.contains(text[Int(t.end) - 2])
    }

    private func recut(_ run: ArraySlice<Token>, text: UnsafeBufferPointer<UInt16>, into out: inout [Token]) {
        let start = Int(run.first!.start), n = Int(run.last!.end) - start
        let afterKanji = out.last.map { endsInSingleKanji($0, runStart: Int32(start), text) } ?? false
        if n == 1 && !afterKanji {  // a lone particle (を, が): nothing to recut
            out.append(run.first!)
            return
        }
        let big = Int.max / 4
        cost.removeAll(keepingCapacity: true); cost.append(contentsOf: repeatElement(big, count: n + 1))
        length.removeAll(keepingCapacity: true); length.append(contentsOf: repeatElement(0, count: n + 1))
        from.removeAll(keepingCapacity: true); from.append(contentsOf: repeatElement(-1, count: n + 1))
        wordEnd.removeAll(keepingCapacity: true); wordEnd.append(contentsOf: repeatElement(-1, count: n + 1))
        for t in run { wordEnd[Int(t.start) - start] = Int(t.end) - start }
        cost[0] = 0
        for a in 0..<n where cost[a] < big {
            let reach = max(min(n, a + ShortUnit.maximumLength), wordEnd[a])
            for b in (a + 1)...reach {
                let piece: Int
                if a == 0 && isEnding(text, start, b, afterKanji) { piece = Cost.ending }
                else if isUnit(text, start + a, start + b) { piece = Cost.unit }
                else if wordEnd[a] == b { piece = Cost.icuWord }
                else if b - a == 1 { piece = Cost.unknownKana }
                else { continue }
                let c = cost[a] + piece, l = length[a] + (b - a) * (b - a)
                // At equal cost and length, a small っ ends the piece before it (なっ|て, not
                // な|って): the 促音 closes a verb's て-form stem.
                if c < cost[b] || (c == cost[b] && (l > length[b] || (l == length[b] && Self.followsSokuon(text, start + a))))
                {
                    cost[b] = c; length[b] = l; from[b] = a
                }
            }
        }
        pieces.removeAll(keepingCapacity: true)
        var b = n
        while b > 0 { pieces.append(b); b = from[b] }
        var a = 0
        for b in pieces.reversed() {
            if a == 0 && isEnding(text, start, b, afterKanji) {
                out[out.count - 1].end = Int32(start + b)
            } else {
                out.append(Token(start: Int32(start + a), end: Int32(start + b), kind: .kana))
            }
            a = b
        }
    }

    /// Whether the run's first `b` kana are an ending that joins the kanji before the run.
    private func isEnding(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ b: Int, _ afterKanji: Bool) -> Bool {
        afterKanji && b <= ShortUnit.maximumLength && endings.contains(KanaSet.key(text, start, start + b))
    }

    /// What a piece of a recut costs: a listed unit less than ICU's word kept whole, which costs
    /// more than two units and less than three (ありま|した → あり|まし|た, but たくさん is not
    /// たく|さ|ん); an unknown kana as much as three units; an ending joins its kanji for less
    /// than nothing, so a listed ending always does.
    enum Cost {
        static let unit = 10
        static let icuWord = 25
        static let unknownKana = 30
        static let ending = -1
    }

    private static func followsSokuon(_ text: UnsafeBufferPointer<UInt16>, _ p: Int) -> Bool {
        p > 0 && text[p - 1] == 0x3063
    }

    private func isUnit(_ text: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) -> Bool {
        b - a <= ShortUnit.maximumLength && units.contains(KanaSet.key(text, a, b))
    }
}
