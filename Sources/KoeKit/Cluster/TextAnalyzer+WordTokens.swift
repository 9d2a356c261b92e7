/// The tokens issue grouping reads (`Classifier.wordRuns`): every token of the line, as
/// `completeTokens()` finds them, but clauses segmented for an earlier line are taken from a
/// `SegmentationMemo` instead of ICU. Issue features need the whole line, classification
/// only the clauses where lexicon matches start or end, so for the report most of ICU's
/// dictionary work is here.
extension TextAnalyzer {
    /// The line's tokens in `out` (replaced): equal to `completeTokens()`' (tests compare
    /// them). Clauses that the analyzer's `memo` lacks are segmented (also for a later
    /// `completeTokens()`) and kept in it by `segmentRequired`, as for classification: one
    /// memo serves both.
    func wordTokens(into out: inout [Token]) throws {
        out.removeAll(keepingCapacity: true)
        if tokensComplete {
            out.append(contentsOf: tokens)
            return
        }
        memo.makeRoom()
        let text = normalized.buffer
        // Clauses neither segmented yet nor in the memo are segmented now, neighbours together.
        // What the memo has of each clause is looked up once (nil: segmented, or missing).
        segmented.sort { $0.start < $1.start }
        var found: [Range<Int>?] = []
        swap(&found, &memo.found)
        defer { swap(&found, &memo.found) }
        found.removeAll(keepingCapacity: true)
        var r = 0
        for k in clauses.indices {
            let clause = clauses[k]
            while r < segmented.count && segmented[r].end <= clause.start { r += 1 }
            if r < segmented.count && segmented[r].start <= clause.start {
                found.append(nil)
                continue
            }
            let cached = memo.tokens(of: text, Int(clause.start)..<Int(clause.end))
            if cached == nil { clauses[k].needed = true }
            found.append(cached)
        }
        try segmentRequired()
        segmented.sort { $0.start < $1.start }
        // In text order: each segmented range's tokens, or the memo's of each other clause,
        // and the hard breaks between clauses.
        r = 0
        var k = 0
        var q: Int32 = 0
        while k < clauses.count {
            let clause = clauses[k]
            breaks(from: q, to: clause.start, into: &out)
            while r < segmented.count && segmented[r].end <= clause.start { r += 1 }
            if r < segmented.count && segmented[r].start <= clause.start {
                out.append(contentsOf: partialTokens[segmented[r].tokens])
                q = segmented[r].end
                while k < clauses.count && clauses[k].start < q { k += 1 }
                continue
            }
            // (Ranges found stay valid: the memo only appends during a line.)
            guard let cached = found[k] else { preconditionFailure("a clause neither segmented nor in the memo") }
            for t in memo.tokens[cached] { out.append(Token(start: t.start + clause.start, end: t.end + clause.start, kind: t.kind)) }
            q = clause.end
            k += 1
        }
        breaks(from: q, to: Int32(normalized.count), into: &out)
    }

    /// The tokens of `start..<end`, text between clauses: hard breaks (`HardBreak`), which
    /// belong to no word class, so ICU makes each a token of no word status.
    @inline(__always)
    private func breaks(from start: Int32, to end: Int32, into out: inout [Token]) {
        var q = start
        while q < end {
            out.append(Token(start: q, end: q + 1, kind: TokenKind(ruleStatus: 0, firstUnit: normalized.buffer[Int(q)])))
            q += 1
        }
    }

    /// Keeps the tokens of each clause of a range just segmented in `memo` (a clause a token
    /// crosses, which a user word may do, is not kept).
    func keep(_ range: SegmentedRange, in memo: SegmentationMemo) {
        let text = normalized.buffer
        var t = range.tokens.lowerBound
        // The clauses of the range, in order (clauses are sorted by start).
        var lo = 0, hi = clauses.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if clauses[mid].start <= range.start { lo = mid } else { hi = mid - 1 }
        }
        var k = lo
        while k < clauses.count && clauses[k].start < range.end {
            let clause = clauses[k]
            let first = t
            while t < range.tokens.upperBound && partialTokens[t].end <= clause.end { t += 1 }
            // No token crosses a clause's edge (else the clause is not kept).
            if t > first && partialTokens[first].start == clause.start && partialTokens[t - 1].end == clause.end {
                memo.insert(text, Int(clause.start)..<Int(clause.end), partialTokens[first..<t])
            }
            k += 1
        }
    }
}
