/// Words that name the same thing in a complaint (決済 / 支払い / お会計), so that issue
/// grouping counts them as one feature. A line of `synonyms.tsv`:
/// `canonical<TAB>variant|variant|…`.
public struct SynonymSet: Sendable, Equatable {
    public let canonical: String
    public let variants: [String]
    public let location: SourceLocation
}

extension LexiconParser {
    mutating func parseSynonyms(_ c: [Substring], _ n: Int) {
        guard c.count >= 2, !c[0].trimmingSpaces.isEmpty else {
            return error(n, 1, "expected 'word<TAB>variant|variant|…'")
        }
        guard let variants = plainAlternatives(c, n, what: "variant", kind: "synonyms are plain words") else { return }
        result.synonyms.append(SynonymSet(canonical: String(c[0].trimmingSpaces), variants: variants, location: loc(n)))
    }

    /// The `a|b|c` of a line's second column, each trimmed and free of pattern syntax; nil after
    /// reporting an empty one or one with syntax (`synonyms.tsv`, `spellings.tsv`).
    mutating func plainAlternatives(_ c: [Substring], _ n: Int, what: String, kind: String) -> [String]? {
        var words: [String] = []
        for part in c[1].split(separator: "|", omittingEmptySubsequences: false) {
            let word = part.trimmingSpaces
            guard !word.isEmpty else {
                error(n, LexiconParser.start(ofColumn: 1, in: c), "empty \(what) in '\(c[1])'")
                return nil
            }
            if word.contains(where: { "()[]@<>…".contains($0) }) {
                error(n, LexiconParser.start(ofColumn: 1, in: c), "\(what) '\(word)': \(kind) (no pattern syntax)")
                return nil
            }
            words.append(String(word))
        }
        return words
    }
}
