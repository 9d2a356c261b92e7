/// Finds lexicon entries in a prepared line. Matching runs on the normalised character
/// stream from every position (so phrases ICU splits still match), and ICU boundaries —
/// segmented only where a match needs them — reject matches that start, or for fixed
/// phrases end, inside a word. Grammatical rule words may start anywhere (ICU glues them to
/// the verb). Overlaps are then resolved per layer (content, topic, rule words): the longest
/// match wins. All per-line buffers are reused, and a megabyte-long line costs no more per
/// character than a short one.
struct LexiconMatcher {
    let lexicon: CompiledLexicon
    private(set) var content: [Hit] = []
    private(set) var topics: [Hit] = []
    private(set) var rules: [Hit] = []
    /// Matches that lost to a longer or overriding match, with the reason (for `koe explain`).
    private(set) var dropped: [(hit: Hit, reason: String)] = []
    var recordDropped = false
    private let rawStore = RawHitStore()
    /// Matches of one part of a gapped pattern, to be chained.
    var parts: [PartHit] = []
    /// Scratch for `chainParts`: the chains reached so far, and those reaching the next part.
    var chainReached: [(start: Int32, end: Int32)] = []
    var chainNext: [(start: Int32, end: Int32)] = []
    /// Scratch for sorting `parts`.
    var partKeys: [UInt64] = []
    /// Which entries with parts have all their parts in this line, in order.
    private var progress: PartProgress
    private var candidates: [Hit] = []
    private var sortKeys: [UInt64] = []
    /// Per layer, which accepted hit covers each position (-1: none): `owner[layer * n + p]`.
    /// Scratch memory of its own: read and written for every position of every hit, where an
    /// array stored in the matcher would be checked for uniqueness on each write.
    private let owner = ScratchBuffer<Int32>()
    /// Positions covered by content words, boilerplate and pseudo-negations.
    private var inContent: [Bool] = []
    private var inBoilerplate: [Bool] = []
    private var inPseudo: [Bool] = []
    /// This line's pseudo-negation candidates, and the negators inside them with the span of
    /// the pseudo-negation (for content words that swallowed such a negator).
    private var pseudoCandidates: [Hit] = []
    private var neutralised: [(negator: Hit, pseudo: Hit)] = []
    /// Where `collect` leaves what it read ahead (so that the reads are not optimised away).
    private var touchSink: UInt32 = 0

    init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
        progress = PartProgress(entries: lexicon.partCounts.count)
    }

    mutating func match(_ analyzer: TextAnalyzer) throws {
        let text = analyzer.normalizedUnits
        let n = text.count
        content.removeAll(keepingCapacity: true)
        topics.removeAll(keepingCapacity: true)
        rules.removeAll(keepingCapacity: true)
        dropped.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        try collect(analyzer, text)
        guard !candidates.isEmpty else { return }
        if !lexicon.exactDigits.isEmpty && text.contains(where: { $0 &- 0x30 < 10 }) { dropOtherDigits(text) }
        owner.reserve(3 * n)
        owner.pointer.update(repeating: -1, count: 3 * n)
        // Longest first, then leftmost, then lexicon order: deterministic. Content and topic
        // words first, so that a grammatical rule word inside a content word (the ない of
        // 物足りない, the れませんでした of よく眠れませんでした) is ruled out before it can
        // shadow a shorter rule word that is not inside it (ませんでした).
        candidates.sortLongestFirst(scratch: &sortKeys)
        let layerOf = lexicon.layerOf
        findNeutralisedNegators()
        for hit in candidates where layerOf[Int(hit.entry)] < 2 {
            // A content word that ends on the negator of a pseudo-negation, inside it (領収書を
            // お送りいただけない|でしょうか: the ない of a polite request), states no negated fact:
            // it yields before overlaps are settled, so a shorter word (お送りいただけ) can match.
            if layerOf[Int(hit.entry)] == 0 && !neutralised.isEmpty && swallowsNeutralisedNegator(hit) {
                if recordDropped { dropped.append((hit, "its negation is part of a pseudo-negation")) }
                continue
            }
            accept(hit, layer: Int(layerOf[Int(hit.entry)]), n: n)
        }
        Self.mark(&inContent, content, count: n)
        for hit in candidates where layerOf[Int(hit.entry)] == 2 {
            // A conditional ending that runs past a content word (遅けれ|ば, 安けれ|ば) is that
            // word's conjugation, not part of it: it loses only to a word that holds it whole.
            if let role = lexicon.roleOf[Int(hit.entry)], role.yieldsToContent,
                role == .conditional ? Self.covered(hit, inContent) : Self.touches(hit, inContent) {
                if recordDropped { dropped.append((hit, "part of a lexicon word")) }
                continue
            }
            accept(hit, layer: 2, n: n)
        }
        resolveAcrossLayers(count: n)
        content.sortByStart(scratch: &sortKeys)
        topics.sortByStart(scratch: &sortKeys)
        rules.sortByStart(scratch: &sortKeys)
    }

    /// Matches whose line spells other digits than the text (星1 against 星5; the trie folds
    /// digits for `<num>`) are no matches.
    private mutating func dropOtherDigits(_ text: UnsafeBufferPointer<UInt16>) {
        let table = lexicon.exactDigits
        var kept = 0
        for k in candidates.indices {
            let hit = candidates[k]
            if ExactDigit.holds(hit, in: text, table) {
                candidates[kept] = hit
                kept += 1
            } else if recordDropped {
                dropped.append((hit, "other digits"))
            }
        }
        candidates.removeLast(candidates.count - kept)
    }

    /// Every match of the trie, kept where ICU's boundaries allow it: an entry that must start
    /// a (non-space) token starts one, and one that must end on a boundary ends on one. Matches
    /// are found first, so that the analyzer segments only the clauses they need.
    private mutating func collect(_ analyzer: TextAnalyzer, _ text: UnsafeBufferPointer<UInt16>) throws {
        // Locals: reading the stored arrays per match would retain them.
        var candidates: [Hit] = []
        swap(&candidates, &self.candidates)
        var tracker = progress
        defer {
            swap(&candidates, &self.candidates)
            progress = tracker
        }
        tracker.startLine()
        // Parts of gapped or joined entries count only when every part of the entry occurs, in
        // order, somewhere in the line: most lines hold a common later part (ない, ません) but
        // not the rest, and such hits must cost neither ICU segmentation nor chaining. The walk
        // finds matches in text order, so the parts are tracked in that order, and a match is
        // kept only when it may still count.
        let trie = lexicon.trie, table = lexicon.keyRefs
        let refs = table.slots.pointer, wholeOnly = table.wholeOnly, laterOnly = table.laterOnly
        typealias Info = CompiledLexicon.KeyTable.Info
        // First every match, without reading what its key stands for: the walk stays small,
        // and the reads of the keys' slots below (cache misses, mostly) are independent of
        // each other, so they overlap.
        // The walk's closure captures plain values only (capturing the store, a class, costs a
        // retain and a release per start position); the store takes the memory back after.
        let store = rawStore
        var hits = store.pointer, room = store.capacity, count = 0
        trie.forEachMatch(in: text) { start, end, key in
            if count == room { (hits, room) = RawHitStore.grown(hits, room: room, keeping: count) }
            hits[count] = RawHit(start: start, end: end, key: key)
            count += 1
        }
        store.adopt(hits, capacity: room)
        var raw = UnsafeMutableBufferPointer(start: hits, count: count)
        guard !raw.isEmpty else { return }
        // The headers are read in a loop of their own first, with nothing depending on what is
        // read: their cache misses overlap, where in the loop below each would stall it.
        var touched: UInt32 = 0
        for r in raw { touched |= refs[Int(r.key)].bits }
        touchSink = touched
        // Then, in text order, the parts: keep a match only when it may still count.
        var kept = 0
        for i in 0..<raw.count {
            let r = raw[i], key = r.key
            if key >= wholeOnly {
                if key >= laterOnly && !tracker.anyActive { continue }
                let k = Info(at: key, in: refs)
                guard (k.hasParts && tracker.advance(k, refs)) || k.hasWhole else { continue }
            }
            raw[kept] = r
            kept += 1
        }
        raw = UnsafeMutableBufferPointer(rebasing: raw[..<kept])
        guard !raw.isEmpty else { return }
        // Now that the line's complete entries are known, a match that stands for no whole
        // entry and no part of a complete one can produce nothing: it is dropped before it
        // asks for boundaries (about half of the matches the filter above keeps are first
        // parts of entries whose later parts never came).
        let anyViable = tracker.anyViable
        kept = 0
        for i in 0..<raw.count {
            let r = raw[i]
            let k = Info(at: r.key, in: refs)
            var start = k.wholeNeedsStart, end = k.wholeNeedsEnd, useful = k.hasWhole
            if k.hasParts && anyViable {
                tracker.forEachViable(k, refs) { ref in
                    useful = true
                    if !ref.startsFreely { start = true }
                    if ref.needsEndBoundary { end = true }
                }
            }
            guard useful else { continue }
            if start { analyzer.requireBoundary(at: r.start) }
            if end { analyzer.requireBoundary(at: r.end) }
            raw[kept] = r
            kept += 1
        }
        raw = UnsafeMutableBufferPointer(rebasing: raw[..<kept])
        try analyzer.segmentRequired()
        for r in raw {
            let k = Info(at: r.key, in: refs)
            let startsWord = analyzer.tokenStart(at: r.start) == .word || Self.followsGluedParticle(text, analyzer, Int(r.start))
            let endsWord = analyzer.tokenStart(at: r.end).rawValue >= TextAnalyzer.TokenStart.word.rawValue
            func fits(_ ref: CompiledLexicon.KeyRef) -> Bool {
                (ref.startsFreely || startsWord) && (!ref.needsEndBoundary || endsWord)
                    && !(ref.notAfterVerbStem && Self.followsVerbStem(text, Int(r.start)))
            }
            for i in Int(k.start)..<Int(k.parts) where fits(refs[i]) {
                candidates.append(Hit(start: r.start, end: r.end, entry: refs[i].entry))
            }
            if k.hasParts && tracker.anyViable {
                tracker.forEachViable(k, refs) { ref in
                    if fits(ref) { self.parts.append(PartHit(hit: Hit(start: r.start, end: r.end, entry: ref.entry), part: ref.part)) }
                }
            }
        }
        if !self.parts.isEmpty { chainParts(text, into: &candidates) }
    }

    /// Whether `text[p]`, a hiragana, follows a particle that ICU glued to it as the first
    /// character of one token (に|わか|り|やすい for に + わかりやすい): the word starts at `p`.
    private static func followsGluedParticle(_ text: UnsafeBufferPointer<UInt16>, _ analyzer: TextAnalyzer, _ p: Int) -> Bool {
        guard p >= 1, (0x3041...0x3096).contains(text[p]), gluedParticles.contains(text[p - 1]) else { return false }
        return analyzer.tokenStart(at: Int32(p - 1)) == .word
    }

    /// に を が は で と も: particles ICU's dictionary glues to a following kana word.
    private static let gluedParticles: Set<UInt16> = Set("にをがはでとも".utf16)

    /// Whether `text[p]` follows a kanji and an i- or e-row kana (引き, 書き, 持ち, 見せ): the
    /// 連用形 a compound verb's second half attaches to.
    private static func followsVerbStem(_ text: UnsafeBufferPointer<UInt16>, _ p: Int) -> Bool {
        guard p >= 2 else { return false }
        let kana = text[p - 1], before = text[p - 2]
        return Kanji.contains(before) && verbStemKana.contains(kana)
    }

    private static let verbStemKana: Set<UInt16> = Set("いきぎじちぢひびぴみりえけげせぜねべぺめれ".utf16)

    /// Accepts `hit` unless it overlaps a longer accepted hit of the same layer. Hits on the
    /// very same span are kept when they mean different things (one string may be a signal
    /// and a polarity word); lines that spell the same string for the same target (楽しい,
    /// 楽しむ and 楽しめる all match 楽しめ) are one match: it counts once, with the larger
    /// weight (the first line on a tie), and the others leave the evidence.
    private mutating func accept(_ hit: Hit, layer: Int, n: Int) {
        let owner = self.owner.pointer + layer * n
        for p in Int(hit.start)..<Int(hit.end) {
            let o = owner[p]
            guard o >= 0 else { continue }
            let winner = layer == 0 ? content[Int(o)] : layer == 1 ? topics[Int(o)] : rules[Int(o)]
            if winner.start == hit.start && winner.end == hit.end {
                if layer == 0 ? Self.settleSameMatch(hit, in: &content, lexicon, &dropped, recordDropped)
                    : layer == 1 ? Self.settleSameMatch(hit, in: &topics, lexicon, &dropped, recordDropped)
                    : Self.settleSameMatch(hit, in: &rules, lexicon, &dropped, recordDropped) { return }
                break
            }
            if recordDropped { dropped.append((hit, "overlaps longer match at \(winner.start)-\(winner.end)")) }
            return
        }
        let index: Int32
        switch layer {
        case 0: index = Int32(content.count); content.append(hit)
        case 1: index = Int32(topics.count); topics.append(hit)
        default: index = Int32(rules.count); rules.append(hit)
        }
        for p in Int(hit.start)..<Int(hit.end) where owner[p] < 0 { owner[p] = index }
    }

    /// Boilerplate silences everything inside it; pseudo-negations (申し訳ない) silence the
    /// polarity words strictly inside them (not a pseudo-negation that is itself a word: 少ない).
    private mutating func resolveAcrossLayers(count n: Int) {
        var pseudoSpans: [Hit] = []
        var anyBoilerplate = false
        inBoilerplate.reset(to: false, count: n)
        inPseudo.reset(to: false, count: n)
        for h in rules {
            switch role(of: h) {
            case .boilerplate?:
                anyBoilerplate = true
                for p in Int(h.start)..<Int(h.end) { inBoilerplate[p] = true }
            case .pseudoNegation?:
                pseudoSpans.append(h)
                for p in Int(h.start)..<Int(h.end) { inPseudo[p] = true }
            default: break
            }
        }
        if anyBoilerplate {
            let mask = inBoilerplate
            Self.drop(&content, "inside boilerplate", &dropped, recordDropped) { Self.covered($0, mask) }
            Self.drop(&topics, "inside boilerplate", &dropped, recordDropped) { Self.covered($0, mask) }
            let roleOf = lexicon.roleOf
            Self.drop(&rules, "inside boilerplate", &dropped, recordDropped) { roleOf[Int($0.entry)] != .boilerplate && Self.touches($0, mask) }
        }
        if !pseudoSpans.isEmpty {
            let mask = inPseudo, layerOf = lexicon.layerOf, kinds = lexicon.kinds
            Self.drop(&content, "inside a pseudo-negation", &dropped, recordDropped) { h in
                guard layerOf[Int(h.entry)] == 0, case .polarity = kinds[Int(h.entry)] else { return false }
                return Self.covered(h, mask) && !pseudoSpans.contains { $0.start == h.start && $0.end == h.end }
            }
        }
    }

    /// Removes the hits `shouldDrop` picks, in place (the layer keeps its memory for the next
    /// line), keeping the order of the rest.
    private static func drop(
        _ hits: inout [Hit], _ reason: String, _ dropped: inout [(hit: Hit, reason: String)], _ record: Bool,
        where shouldDrop: (Hit) -> Bool
    ) {
        var kept = 0
        for i in hits.indices {
            let h = hits[i]
            if shouldDrop(h) {
                if record { dropped.append((h, reason)) }
            } else {
                hits[kept] = h
                kept += 1
            }
        }
        hits.removeLast(hits.count - kept)
    }

    func role(of hit: Hit) -> RuleRole? { lexicon.roleOf[Int(hit.entry)] }

    /// Negator candidates (ない) inside a pseudo-negation candidate (いただけないでしょうか).
    private mutating func findNeutralisedNegators() {
        neutralised.removeAll(keepingCapacity: true)
        pseudoCandidates.removeAll(keepingCapacity: true)
        let roleOf = lexicon.roleOf
        for hit in candidates where roleOf[Int(hit.entry)] == .pseudoNegation { pseudoCandidates.append(hit) }
        guard !pseudoCandidates.isEmpty else { return }
        for hit in candidates where roleOf[Int(hit.entry)] == .negator {
            for p in pseudoCandidates where p.start <= hit.start && hit.end <= p.end { neutralised.append((hit, p)) }
        }
    }

    /// Whether `h` holds a neutralised negator and ends inside its pseudo-negation, which
    /// starts after `h` does and runs on for a request or question ending (でしょうか, ませんか).
    /// One kana more is no such ending: 来ない|し and くれない|か are a negation and a
    /// particle as often as the pseudo-negations ないし (or) and くれないか (a request).
    private func swallowsNeutralisedNegator(_ h: Hit) -> Bool {
        neutralised.contains { n, p in
            h.start <= n.start && n.end <= h.end && h.start < p.start && p.end - h.end >= 2
        }
    }

    private static func touches(_ h: Hit, _ mask: [Bool]) -> Bool { (Int(h.start)..<Int(h.end)).contains { mask[$0] } }
    private static func covered(_ h: Hit, _ mask: [Bool]) -> Bool { (Int(h.start)..<Int(h.end)).allSatisfy { mask[$0] } }

    private static func mark(_ mask: inout [Bool], _ hits: [Hit], count: Int) {
        mask.reset(to: false, count: count)
        for h in hits { for p in Int(h.start)..<Int(h.end) { mask[p] = true } }
    }
}
