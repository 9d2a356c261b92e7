/// Judgement classes of aspect lines: `THING	aspect:SIGNAL@CLASS` (返信が … 遅い →
/// slow_response) takes as its judgement only a polarity word whose line spells a string of the
/// word class (`@slow	遅い|時間がかかる`). The polarity line does the conjugating and the scorer's
/// rules give the judgement its final sign, so 遅くない is 遅い negated, not a slow reply.
enum JudgementClass {
    /// For each aspect entry restricted to a class, the polarity entries (index in
    /// `lexicon.entries`, pos or neg) one of whose strings is a string of the class; and, per
    /// class, the strings no polarity line spells (they judge nothing: `koe lexicon check` warns).
    static func judgements(in lexicon: Lexicon) -> (judges: [Int32: Set<Int32>], unspelled: [String: [String]]) {
        let restricted = lexicon.entries.indices.compactMap { e -> (Int32, String)? in
            guard case let .aspect(_, judgement?) = lexicon.entries[e].targets[0] else { return nil }
            return (Int32(e), judgement)
        }
        guard !restricted.isEmpty else { return ([:], [:]) }
        var byString: [String: [Int32]] = [:]
        for (e, entry) in lexicon.entries.enumerated() where entry.segments.count == 1 {
            guard case let .polarity(p) = entry.targets[0], p != .none else { continue }
            for s in entry.segments[0] { byString[s, default: []].append(Int32(e)) }
        }
        let expander = PatternExpander(classes: lexicon.classes)
        var members: [String: Set<Int32>] = [:], unspelled: [String: [String]] = [:]
        var judges: [Int32: Set<Int32>] = [:]
        for (e, name) in restricted {
            if members[name] == nil {
                let strings = Self.strings(of: name, expander)
                members[name] = Set(strings.flatMap { byString[$0] ?? [] })
                unspelled[name] = strings.filter { byString[$0] == nil }
            }
            judges[e] = members[name]
        }
        return (judges, unspelled.filter { !$0.value.isEmpty })
    }

    /// The strings a word class stands for, normalised like entry patterns.
    private static func strings(of name: String, _ expander: PatternExpander) -> [String] {
        guard let pattern = try? Pattern(parsing: "@" + name), let expansion = try? expander.expand(pattern) else { return [] }
        return expansion.segments.flatMap { $0 }.map { (try? Normalizer.normalize($0)) ?? $0 }
    }
}
