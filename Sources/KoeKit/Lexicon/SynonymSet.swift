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
        let canonical = String(c[0].trimmingSpaces)
        var variants: [String] = []
        for part in c[1].split(separator: "|", omittingEmptySubsequences: false) {
            let word = part.trimmingSpaces
            guard !word.isEmpty else {
                return error(n, LexiconParser.start(ofColumn: 1, in: c), "empty variant in '\(c[1])'")
            }
            if word.contains(where: { "()[]@<>…".contains($0) }) {
                return error(n, LexiconParser.start(ofColumn: 1, in: c), "variant '\(word)': synonyms are plain words (no pattern syntax)")
            }
            variants.append(String(word))
        }
        result.synonyms.append(SynonymSet(canonical: canonical, variants: variants, location: loc(n)))
    }
}
