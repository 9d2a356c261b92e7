/// The lexicon's word lists for issue grouping, normalised once: stopwords and the
/// synonym map (variant → canonical word).
struct IssueVocabulary: Sendable {
    let stopwords: Set<String>
    let canonical: [String: String]
    /// Lexicon lines (`file:line`) that say how something is said, not what is wrong
    /// (contrast, suggestion, hedge … rule words): no problem phrase.
    let grammaticalEntries: Set<String>
    /// Lexicon lines (`file:line`) → the problem kind they name (`issue:KIND`).
    let issueKinds: [String: String]
    /// Lexicon lines (`file:line`) tagged `issue:none`: verdicts that judge without naming
    /// what is wrong (残念, 最悪, いまいち). They mark a sentence as a complaint and weigh the
    /// word they are about, but make no problem phrase: texts that only share such a verdict
    /// are not one issue.
    let verdictEntries: Set<String>
    /// `stopwords` and `canonical`, looked up by normalised code units (see `UnitWordTable`).
    let stopwordUnits: UnitWordTable<Bool>
    let canonicalUnits: UnitWordTable<String>

    init(_ lexicon: CompiledLexicon) {
        stopwords = lexicon.stopwords
        let source = lexicon.reportLexicon
        var map: [String: String] = [:]
        for set in source.synonyms {
            let target = (try? Normalizer.normalize(set.canonical)) ?? set.canonical
            for variant in set.variants {
                let key = (try? Normalizer.normalize(variant)) ?? variant
                if key != target { map[key] = target }
            }
        }
        canonical = map
        stopwordUnits = UnitWordTable(stopwords.lazy.map { ($0, true) })
        canonicalUnits = UnitWordTable(map.lazy.map { ($0.key, $0.value) })
        issueKinds = source.issueKinds.filter { $0.value != Self.verdictKind }
        verdictEntries = Set(source.issueKinds.filter { $0.value == Self.verdictKind }.keys)
        grammaticalEntries = source.grammaticalEntries
    }

    /// The reserved issue kind of verdicts (`issue:none`).
    static let verdictKind = "none"

    /// What a problem phrase matched by lexicon line `entry` counts as: the problem kind the
    /// line names, else the line itself.
    func problem(_ entry: String) -> String { issueKinds[entry].map { "kind:" + $0 } ?? entry }

    /// The word grouping counts `word` as.
    func canonical(_ word: String) -> String { canonical[word] ?? word }
}
