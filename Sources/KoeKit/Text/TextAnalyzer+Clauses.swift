/// Segmentation on demand. ICU's dictionary segmentation is most of the cost of a line, and
/// the matcher needs word boundaries only where a lexicon match starts or ends. So `prepare`
/// normalises a line and cuts it into clauses where ICU always breaks: at hard breaks
/// (、。「」!? …), where kana or kanji meet ASCII, and where the dictionary allows no word
/// across (`DictionaryPairs`). The matcher asks for the boundaries it needs
/// (`requireBoundary`), and only the clauses holding them are segmented (`segmentRequired`).
/// The tokens found are exactly those of one ICU pass over the whole line: tests compare the
/// two on every kind of text.
extension TextAnalyzer {
    /// What is known about a normalised position.
    enum TokenStart: UInt8 {
        case unknown, inside, word, space
    }

    /// A run of text between two cuts; `needed` until it is segmented.
    struct Clause {
        var start: Int32
        var end: Int32
        var needed = false
    }

    /// A segmented range of the line and its tokens: `partialTokens[tokens]`.
    struct SegmentedRange {
        var start: Int32
        var end: Int32
        var tokens: Range<Int>
    }

    /// Decodes and normalises one line and finds its clauses; no token is known yet except
    /// at clause edges. `cutRuns` also cuts runs of kana and kanji where ICU's dictionary must
    /// break (`DictionaryPairs`), which pays when only some of the line will be segmented.
    public func prepare(utf8 line: UnsafeBufferPointer<UInt8>, cutRuns: Bool = true) throws {
        try decode(line)
        try normalize()
        indexScalars()
        tokens.removeAll(keepingCapacity: true)
        tokensComplete = false
        segmented.removeAll(keepingCapacity: true)
        partialTokens.removeAll(keepingCapacity: true)
        findClauses(cutRuns: cutRuns)
    }

    public func prepare(_ text: String, cutRuns: Bool = true) throws {
        var text = text
        try text.withUTF8 { try prepare(utf8: $0, cutRuns: cutRuns) }
    }

    private func findClauses(cutRuns: Bool) {
        let n = normalized.count
        clauses.removeAll(keepingCapacity: true)
        starts.reserve(n + 1)
        let state = starts.pointer
        state.initialize(repeating: .unknown, count: n + 1)
        state[n] = .word
        guard n > 0 else { return }
        // User words that contain a hard break, or start with a space, would make clause edges
        // differ from ICU's tokens: then the line is one clause. A user word across a script
        // edge (api連携) only keeps that edge uncut.
        guard userWords.allowsClauses else {
            clauses.append(Clause(start: 0, end: Int32(n)))
            return
        }
        let text = normalized.buffer
        var start = 0
        for q in 0..<n {
            if HardBreak.isBreak(in: text, at: q) {
                if q > start { clauses.append(Clause(start: Int32(start), end: Int32(q))) }
                state[q] = .word
                start = q + 1
            } else if q > start && HardBreak.isScriptEdge(text[q - 1], text[q]) && !userWords.joins(text[q - 1], text[q]) {
                clauses.append(Clause(start: Int32(start), end: Int32(q)))
                start = q
            }
        }
        if n > start { clauses.append(Clause(start: Int32(start), end: Int32(n))) }
        if cutRuns && DictionaryPairs.shared.isLoaded { cutDictionaryRuns(text) }
        for c in clauses { state[Int(c.start)] = TokenKind.isSpace(text[Int(c.start)]) ? .space : .word }
    }

    /// Cuts each clause made only of dictionary characters (one run for ICU) where ICU's
    /// dictionary must break, unless a user word could span the cut.
    private func cutDictionaryRuns(_ text: UnsafeBufferPointer<UInt16>) {
        let pairs = DictionaryPairs.shared
        var pieces: [Clause] = []
        swap(&pieces, &clauseScratch)
        pieces.removeAll(keepingCapacity: true)
        for clause in clauses {
            var start = Int(clause.start)
            let end = Int(clause.end)
            if (start..<end).allSatisfy({ DictionaryPairs.isDictionaryCharacter(text[$0]) }) {
                for q in (start + 1)..<end where pairs.mustBreak(text[q - 1], text[q]) && !userWords.joins(text[q - 1], text[q]) {
                    pieces.append(Clause(start: Int32(start), end: Int32(q)))
                    start = q
                }
            }
            pieces.append(Clause(start: Int32(start), end: clause.end))
        }
        swap(&pieces, &clauses)
        swap(&pieces, &clauseScratch)
    }

    /// What is known about position `q` (0...count) of the normalised text.
    @inline(__always)
    func tokenStart(at q: Int32) -> TokenStart { starts.pointer[Int(q)] }

    /// Asks for position `q` to be known by the next `segmentRequired()`.
    @inline(__always)
    func requireBoundary(at q: Int32) {
        guard starts.pointer[Int(q)] == .unknown else { return }
        // Binary search: the clause holding q (q is strictly inside one).
        var lo = 0, hi = clauses.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if clauses[mid].start <= q { lo = mid } else { hi = mid - 1 }
        }
        clauses[lo].needed = true
    }

    /// Segments the clauses asked for; neighbouring ones in one ICU pass. A clause segmented
    /// for an earlier line is taken from `memo` (its tokens depend on its text only), and
    /// those segmented now are kept there.
    func segmentRequired() throws {
        recall(from: memo)
        let before = segmented.count
        var i = 0
        while i < clauses.count {
            guard clauses[i].needed else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < clauses.count && clauses[j + 1].needed { j += 1 }
            let first = partialTokens.count
            try segment(from: Int(clauses[i].start), to: Int(clauses[j].end), into: &partialTokens)
            segmented.append(SegmentedRange(start: clauses[i].start, end: clauses[j].end, tokens: first..<partialTokens.count))
            // Every position in them is known now, so they are never asked for again.
            for k in i...j { clauses[k].needed = false }
            i = j + 1
        }
        for range in segmented[before...] { keep(range, in: memo) }
    }

    /// Takes the clauses asked for that `memo` holds from it: their tokens and what they tell
    /// of each position, as `segment` would have found them.
    private func recall(from memo: SegmentationMemo) {
        memo.makeRoom()
        let text = normalized.buffer, state = starts.pointer
        for k in clauses.indices where clauses[k].needed {
            let clause = clauses[k]
            guard let cached = memo.tokens(of: text, Int(clause.start)..<Int(clause.end)) else { continue }
            let first = partialTokens.count
            (state + Int(clause.start)).update(repeating: .inside, count: Int(clause.end - clause.start))
            for t in memo.tokens[cached] {
                let token = Token(start: t.start + clause.start, end: t.end + clause.start, kind: t.kind)
                partialTokens.append(token)
                state[Int(token.start)] = token.kind == .space ? .space : .word
            }
            segmented.append(SegmentedRange(start: clause.start, end: clause.end, tokens: first..<partialTokens.count))
            clauses[k].needed = false
        }
    }


    /// Makes `tokens` the whole line's tokens, segmenting what is not segmented yet.
    public func completeTokens() throws {
        guard !tokensComplete else { return }
        var all: [Token] = []
        swap(&all, &tokens)
        all.removeAll(keepingCapacity: true)
        defer {
            swap(&all, &tokens)
            tokensComplete = true
        }
        segmented.sort { $0.start < $1.start }
        var q = 0
        for range in segmented {
            if q < Int(range.start) { try segment(from: q, to: Int(range.start), into: &all) }
            all.append(contentsOf: partialTokens[range.tokens])
            q = Int(range.end)
        }
        if q < normalized.count { try segment(from: q, to: normalized.count, into: &all) }
    }

    /// Segments `start..<end` (both token boundaries) with ICU, merges user words, appends
    /// the tokens to `out` and records which positions start one.
    private func segment(from start: Int, to end: Int, into out: inout [Token]) throws {
        let count = end - start
        guard count > 0 else { return }
        ends.reserve(count + 1)
        statuses.reserve(count + 1)
        let text = normalized.buffer
        let n = try breaker.segment(
            UnsafeBufferPointer(rebasing: text[start..<end]), ends: ends.mutableBuffer, statuses: statuses.mutableBuffer)
        let first = out.count
        let ends = ends.pointer, statuses = statuses.pointer
        var from = Int32(start)
        for k in 0..<n {
            let to = Int32(start) + ends[k]
            let kind = TokenKind(ruleStatus: statuses[k], firstUnit: text[Int(from)])
            // ICU's dictionary keeps 三日 and 何回 whole, while 3|日 splits: split them alike (the
            // numerals a number), so a pattern's number (`<num>日`) meets its counter on a
            // boundary and issue grouping counts 三日 as it counts 3日.
            if kind == .ideo, let cut = Kanji.numeralEnd(text, from: Int(from), to: Int(to)) {
                out.append(Token(start: from, end: Int32(cut), kind: .number))
                out.append(Token(start: Int32(cut), end: to, kind: kind))
            } else {
                out.append(Token(start: from, end: to, kind: kind))
            }
            from = to
        }
        if !userWords.isEmpty { userWords.merge(&out, from: first, in: text) }
        let state = starts.pointer
        (state + start).update(repeating: .inside, count: count)
        for k in first..<out.count { state[Int(out[k].start)] = out[k].kind == .space ? .space : .word }
    }
}
