/// Finds lexicon entries in an analysed line. Matching runs on the normalised character
/// stream from every token start (so phrases ICU splits still match), and ICU boundaries
/// reject matches that start — or, for fixed phrases, end — inside a word. Overlaps are then
/// resolved per layer (content, topic, rule words): the longest match wins.
struct LexiconMatcher {
    let lexicon: CompiledLexicon
    /// Accepted hits per layer: 0 content (polarity, signals), 1 topics, 2 rule words.
    private var layers: [[Hit]] = [[], [], []]
    var content: [Hit] { layers[0] }
    var topics: [Hit] { layers[1] }
    var rules: [Hit] { layers[2] }
    /// Matches that lost to a longer or overriding match, with the reason (for `koe explain`).
    private(set) var dropped: [(hit: Hit, reason: String)] = []
    var recordDropped = false
    private var boundary: [Bool] = []
    private var candidates: [Hit] = []
    /// Per layer, which accepted hit covers each position (-1: none). Linear in text length,
    /// so a megabyte-long line costs no more per character than a short one.
    private var owner: [[Int32]] = [[], [], []]

    init(lexicon: CompiledLexicon) { self.lexicon = lexicon }

    mutating func match(_ analyzer: TextAnalyzer) {
        let text = analyzer.normalizedUnits
        for layer in 0..<3 { layers[layer].removeAll(keepingCapacity: true) }
        dropped.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        boundary.removeAll(keepingCapacity: true)
        boundary.append(contentsOf: repeatElement(false, count: text.count + 1))
        for token in analyzer.tokens { boundary[Int(token.start)] = true }
        boundary[text.count] = true
        for token in analyzer.tokens where token.kind != .space {
            lexicon.trie.forEachMatch(in: text, from: Int(token.start)) { end, key in
                for ref in lexicon.keyRefs[Int(key)] where !ref.needsEndBoundary || boundary[end] {
                    candidates.append(Hit(start: token.start, end: Int32(end), entry: ref.entry))
                }
            }
        }
        if !lexicon.freeTrie.isEmpty {
            for start in 0..<text.count where text[start] != 0x20 {
                lexicon.freeTrie.forEachMatch(in: text, from: start) { end, key in
                    for ref in lexicon.freeKeyRefs[Int(key)] where !ref.needsEndBoundary || boundary[end] {
                        candidates.append(Hit(start: Int32(start), end: Int32(end), entry: ref.entry))
                    }
                }
            }
        }
        guard !candidates.isEmpty else { return }
        for layer in 0..<3 {
            owner[layer].removeAll(keepingCapacity: true)
            owner[layer].append(contentsOf: repeatElement(-1, count: text.count))
        }
        // Longest first, then leftmost, then lexicon order: deterministic. Content and topic
        // words first, so that a grammatical rule word inside a content word (the ない of
        // 物足りない, the れませんでした of よく眠れませんでした) is ruled out before it can
        // shadow a shorter rule word that is not inside it (ませんでした).
        candidates.sort { ($1.length, $0.start, $0.entry) < ($0.length, $1.start, $1.entry) }
        for hit in candidates {
            switch lexicon.kinds[Int(hit.entry)] {
            case .polarity, .signal: accept(hit, layer: 0)
            case .topic: accept(hit, layer: 1)
            case .rule: break
            }
        }
        var inContent = [Bool](repeating: false, count: text.count)
        for h in layers[0] { for p in Int(h.start)..<Int(h.end) { inContent[p] = true } }
        for hit in candidates {
            guard case let .rule(role) = lexicon.kinds[Int(hit.entry)] else { continue }
            if role.yieldsToContent && (Int(hit.start)..<Int(hit.end)).contains(where: { inContent[$0] }) {
                if recordDropped { dropped.append((hit, "part of a lexicon word")) }
                continue
            }
            accept(hit, layer: 2)
        }
        resolveAcrossLayers(length: text.count)
        for layer in 0..<3 { layers[layer].sort { ($0.start, $0.entry) < ($1.start, $1.entry) } }
    }

    /// Accepts `hit` unless it overlaps a longer accepted hit of the same layer; hits on the
    /// very same span are all kept (one pattern may carry several targets).
    private mutating func accept(_ hit: Hit, layer: Int) {
        for p in Int(hit.start)..<Int(hit.end) {
            let o = owner[layer][p]
            guard o >= 0 else { continue }
            let winner = layers[layer][Int(o)]
            if winner.start == hit.start && winner.end == hit.end { break }
            if recordDropped { dropped.append((hit, "overlaps longer match at \(winner.start)-\(winner.end)")) }
            return
        }
        let index = Int32(layers[layer].count)
        layers[layer].append(hit)
        for p in Int(hit.start)..<Int(hit.end) where owner[layer][p] < 0 { owner[layer][p] = index }
    }

    /// Boilerplate silences everything inside it; a content word that contains a negator
    /// (物足りない, 申し分ない) keeps it; pseudo-negations (申し訳ない) neutralise polarity inside.
    private mutating func resolveAcrossLayers(length: Int) {
        var inBoilerplate = [Bool](repeating: false, count: length)
        var inPseudo = [Bool](repeating: false, count: length)
        var anyBoilerplate = false, anyPseudo = false
        var pseudoSpans: [Hit] = []
        for h in layers[2] {
            switch self.role(of: h) {
            case .boilerplate?:
                anyBoilerplate = true
                for p in Int(h.start)..<Int(h.end) { inBoilerplate[p] = true }
            case .pseudoNegation?:
                anyPseudo = true
                pseudoSpans.append(h)
                for p in Int(h.start)..<Int(h.end) { inPseudo[p] = true }
            default: break
            }
        }
        func covered(_ h: Hit, _ mask: [Bool]) -> Bool { (Int(h.start)..<Int(h.end)).allSatisfy { mask[$0] } }
        func touches(_ h: Hit, _ mask: [Bool]) -> Bool { (Int(h.start)..<Int(h.end)).contains { mask[$0] } }
        let kinds = lexicon.kinds
        func role(_ h: Hit) -> RuleRole? {
            if case let .rule(r) = kinds[Int(h.entry)] { return r }
            return nil
        }
        if anyBoilerplate {
            drop(from: 0, "inside boilerplate") { covered($0, inBoilerplate) }
            drop(from: 1, "inside boilerplate") { covered($0, inBoilerplate) }
            drop(from: 2, "inside boilerplate") { role($0) != .boilerplate && touches($0, inBoilerplate) }
        }
        if anyPseudo {
            drop(from: 0, "inside a pseudo-negation") { h in
                // Strictly inside: a pseudo-negation that is itself a word (少ない) does not
                // silence the same word in the polarity lexicon.
                if case .polarity = kinds[Int(h.entry)] {
                    return covered(h, inPseudo) && !pseudoSpans.contains { $0.start == h.start && $0.end == h.end }
                }
                return false
            }
        }
    }

    private mutating func drop(from layer: Int, _ reason: String, where shouldDrop: (Hit) -> Bool) {
        var kept: [Hit] = []
        kept.reserveCapacity(layers[layer].count)
        for h in layers[layer] {
            if shouldDrop(h) {
                if recordDropped { dropped.append((h, reason)) }
            } else {
                kept.append(h)
            }
        }
        layers[layer] = kept
    }

    func role(of hit: Hit) -> RuleRole? {
        if case let .rule(r) = lexicon.kinds[Int(hit.entry)] { return r }
        return nil
    }
}
