/// One span, one match: lines that spell the same string for the same target are settled
/// when the matcher accepts hits (see `accept`).
extension LexiconMatcher {
    /// Whether `hit` repeats an accepted hit of its span with the same target (an aspect
    /// excepted: its judgement class is part of what it means). The accepted hits of one span
    /// are the last ones of their layer (candidates come longest first, then leftmost). The
    /// repeat is dropped; when it weighs more it takes the accepted hit's place.
    static func settleSameMatch(
        _ hit: Hit, in accepted: inout [Hit], _ lexicon: CompiledLexicon,
        _ dropped: inout [(hit: Hit, reason: String)], _ recordDropped: Bool
    ) -> Bool {
        let kind = lexicon.kinds[Int(hit.entry)]
        if case .aspect = kind { return false }
        var i = accepted.count - 1
        while i >= 0, accepted[i].start == hit.start, accepted[i].end == hit.end {
            let other = accepted[i]
            if Self.sameTarget(lexicon.kinds[Int(other.entry)], kind) {
                let kept = lexicon.weights[Int(hit.entry)] > lexicon.weights[Int(other.entry)] ? hit : other
                let repeated = kept == hit ? other : hit
                accepted[i] = kept
                if recordDropped { dropped.append((repeated, "same match as \(lexicon.locations[Int(kept.entry)])")) }
                return true
            }
            i -= 1
        }
        return false
    }

    /// Lines of one signal, topic or rule role; or two polarity words (of either sign: the
    /// stronger decides what the span means). A `none` line is no polarity word here.
    static func sameTarget(_ a: HitKind, _ b: HitKind) -> Bool {
        switch (a, b) {
        case let (.polarity(x), .polarity(y)): x != 0 && y != 0
        default: a == b
        }
    }
}
