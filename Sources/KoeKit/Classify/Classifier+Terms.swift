extension Classifier {
    /// Content terms of the last classified text, for clustering: normalised words that carry
    /// meaning (kanji, katakana, Latin words of two or more letters; no stopwords), plus the
    /// signals that fired and the topic, as `signal:ID` / `topic:ID` features.
    public func contentTerms(of classification: Classification) throws -> [String] {
        try analyzer.completeTokens()
        var terms: [String] = []
        let text = analyzer.normalizedUnits
        for token in analyzer.tokens {
            let length = Int(token.end - token.start)
            let first = text[Int(token.start)]
            let keep: Bool
            switch token.kind {
            case .ideo: keep = true
            // Latin words only: no e-mail addresses, URLs or codes in issue labels.
            case .letter: keep = length >= 2 && text[Int(token.start)..<Int(token.end)].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
            case .kana: keep = length >= 2 && (0x30A0...0x30FF).contains(first)
            default: keep = false
            }
            guard keep else { continue }
            let word = analyzer.normalizedString(from: token.start, to: token.end)
            if !lexicon.stopwords.contains(word) { terms.append(word) }
        }
        for s in classification.signals { terms.append("signal:\(s.id)") }
        terms.append("topic:\(classification.topic)")
        return terms
    }
}
