/// ICU's tokens of clauses segmented before, by the clause's normalised text. A clause is cut
/// where ICU always breaks (`TextAnalyzer+Clauses.swift`), so its tokens depend on its text
/// only (and on the user words, fixed per analyzer): equal clauses segment alike. Tickets
/// repeat short clauses (product and screen names, ログインできません, ありがとうございます),
/// and ICU's dictionary search is the largest cost of the report's issue features, which
/// need every token of a text (`TextAnalyzer.wordTokens`).
///
/// One per analyzer (`TextAnalyzer.memo`, one thread): classification's `segmentRequired`
/// and the report's `wordTokens` read and fill the same memo. Bounded: clauses longer than `maxClauseUnits` are not
/// kept, and the memo is emptied when it holds `maxEntries` clauses.
final class SegmentationMemo {
    static let maxEntries = 1 << 15
    static let maxClauseUnits = 48

    private struct Entry {
        var hash: UInt64
        var key: Int32
        var keyCount: Int32
        var tokens: Int32
        var tokenCount: Int32
    }

    /// Open addressing: entry index + 1, 0 for an empty slot.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var keys: [UInt16] = []
    /// Tokens of each entry, offsets relative to the clause's start.
    private(set) var tokens: [Token] = []
    private(set) var hits = 0, misses = 0
    /// Scratch of `TextAnalyzer.wordTokens`: the lookup of each clause of the line.
    var found: [Range<Int>?] = []

    var count: Int { entries.count }

    /// Empties the memo if it is full (call before a line, so that ranges found during the
    /// line stay valid).
    func makeRoom() {
        guard entries.count >= Self.maxEntries else { return }
        entries.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        for k in slots.indices { slots[k] = 0 }
    }

    @inline(__always)
    private static func hash(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for q in range {
            h = (h ^ UInt64(text[q])) &* 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    /// The memo's tokens of the clause `text[range]` (a range of `tokens`), if it has them.
    func tokens(of text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Range<Int>? {
        guard range.count <= Self.maxClauseUnits, !slots.isEmpty else { return nil }
        let h = Self.hash(text, range)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 {
            let e = entries[Int(slots[s]) - 1]
            if e.hash == h && Int(e.keyCount) == range.count && equal(e, text, range) {
                hits += 1
                return Int(e.tokens)..<Int(e.tokens + e.tokenCount)
            }
            s = (s + 1) & mask
        }
        misses += 1
        return nil
    }

    private func equal(_ e: Entry, _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var k = Int(e.key)
        for q in range {
            if keys[k] != text[q] { return false }
            k += 1
        }
        return true
    }

    /// Keeps `clauseTokens` (absolute offsets, exactly covering `range`) as the tokens of the
    /// clause `text[range]`.
    func insert(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ clauseTokens: ArraySlice<Token>) {
        // A line may add past `maxEntries` (emptied before the next): never fill the slots.
        guard range.count <= Self.maxClauseUnits, entries.count < Self.maxEntries * 3 / 2 else { return }
        if slots.isEmpty { slots = Array(repeating: 0, count: Self.maxEntries * 2) }
        let h = Self.hash(text, range)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 {
            let e = entries[Int(slots[s]) - 1]
            if e.hash == h && Int(e.keyCount) == range.count && equal(e, text, range) { return }
            s = (s + 1) & mask
        }
        let start = Int32(range.lowerBound)
        entries.append(Entry(
            hash: h, key: Int32(keys.count), keyCount: Int32(range.count), tokens: Int32(tokens.count),
            tokenCount: Int32(clauseTokens.count)))
        keys.append(contentsOf: text[range])
        for t in clauseTokens { tokens.append(Token(start: t.start - start, end: t.end - start, kind: t.kind)) }
        slots[s] = Int32(entries.count)
    }
}
