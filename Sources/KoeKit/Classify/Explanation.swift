/// Everything `koe explain` shows: the normalised text, tokens, every match (kept or
/// dropped, and why), each contribution with the rules that shaped it, and the labels.
public struct Explanation: Sendable {
    public struct Match: Sendable {
        public let text: String
        public let start: Int
        public let end: Int
        public let target: String
        public let weight: Double
        public let entry: String
        /// The lexicon line's pattern when it is written in the pattern language (nil for a
        /// plain literal), so the reader sees which line and which form matched.
        public let pattern: String?
        /// nil when the match was kept; otherwise why it was dropped.
        public let droppedBecause: String?
    }

    public let text: String
    public let normalized: String
    public let tokens: [TokenView]
    public let matches: [Match]
    public let classification: Classification
}

extension Classifier {
    public func explain(_ text: String) throws -> Explanation {
        matcher.recordDropped = true
        defer { matcher.recordDropped = false }
        let classification = try classify(text)
        try analyzer.completeTokens()
        func describe(_ hit: Hit, dropped: String?) -> Explanation.Match {
            let entry = lexicon.entries[Int(hit.entry)]
            let start = analyzer.originalStart(hit.start), end = analyzer.originalEnd(hit.end)
            return Explanation.Match(
                text: analyzer.originalString(from: start, to: end),
                start: Int(analyzer.scalarOffset(start)), end: Int(analyzer.scalarOffset(end)),
                target: entry.targets[0].description, weight: entry.weight,
                entry: entry.location.description, pattern: entry.isLiteral ? nil : entry.pattern, droppedBecause: dropped)
        }
        var matches = (matcher.content + matcher.topics + matcher.rules).map { describe($0, dropped: nil) }
        matches += matcher.dropped.map { describe($0.hit, dropped: $0.reason) }
        matches.sort { ($0.start, $0.end, $0.target) < ($1.start, $1.end, $1.target) }
        return Explanation(
            text: text, normalized: analyzer.normalizedText, tokens: analyzer.tokenViews(), matches: matches,
            classification: classification)
    }
}
