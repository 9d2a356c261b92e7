/// Another way a word is written (丁寧 / ていねい, 届く / とどく): casual writers often spell in kana
/// what the lexicon lines write in kanji. A line of `spellings.tsv`: `written<TAB>kana|kana`. Every
/// lexicon line that contains the written form also matches each alternative spelling, so one
/// table serves every line instead of an alternative in each.
public struct Spelling: Sendable, Equatable {
    public let written: String
    public let alternatives: [String]
    public let location: SourceLocation
}

extension LexiconParser {
    mutating func parseSpelling(_ c: [Substring], _ n: Int) {
        let written = c.first.map { String($0.trimmingSpaces) } ?? ""
        guard c.count >= 2, !written.isEmpty else {
            return error(n, 1, "expected 'written<TAB>spelling|spelling|…'")
        }
        guard !written.contains(where: { "()[]@<>…|".contains($0) }) else {
            return error(n, 1, "'\(written)': spellings are plain text (no pattern syntax)")
        }
        guard let alternatives = plainAlternatives(c, n, what: "spelling", kind: "spellings are plain text") else { return }
        result.spellings.append(Spelling(written: written, alternatives: alternatives, location: loc(n)))
    }
}

extension PatternExpander.Expansion {
    /// Adds, to every part, the strings with one written form replaced by each of its alternative
    /// spellings (one replacement at a time: 丁寧に対応 gains ていねいに対応). `fits` filters the
    /// variants of the last part, which must still fit the line's inflection.
    mutating func addSpellings(_ spellings: [Spelling], lastFits: (String) -> Bool) {
        guard !spellings.isEmpty else { return }
        let written = spellings.map { Array($0.written.utf8) }
        for i in segments.indices {
            var seen = Set(segments[i])
            var added: [String] = []
            for s in segments[i] {
                // Most strings hold no written form: test on UTF-8 bytes (a whole character
                // sequence is a byte run, and UTF-8 never matches across a character edge),
                // which costs a fraction of a String search.
                let bytes = Array(s.utf8)
                for (spelling, w) in zip(spellings, written) where Self.contains(bytes, w) {
                    for alternative in spelling.alternatives {
                        let variant = s.replacingOccurrences(of: spelling.written, with: alternative)
                        guard i < segments.count - 1 || lastFits(variant), seen.insert(variant).inserted else { continue }
                        added.append(variant)
                    }
                }
            }
            segments[i] += added
        }
    }

    /// Whether `needle` occurs in `haystack` (both UTF-8).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
