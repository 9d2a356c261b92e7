import Foundation

/// Names a cluster and picks its quotes. The label is the problem phrase most members share
/// (「認証コードが届かない」), written as the members wrote it; without a shared phrase, the
/// shortest clause of a member that holds two of the cluster's top words, else those two words. Quotes are the most central members, cut around
/// the sentence that carries the issue.
struct ClusterLabeler {
    let model: FeatureModel
    let quoteCount: Int
    static let maxLabelLength = 40
    static let termCount = 8
    /// Share of the members a phrase must appear in to define the issue besides its label.
    static let definingShare = 0.3

    func cluster(id: String, members: [ClusterItem], vectors: [SparseVector], centre: SparseVector) -> IssueCluster {
        let order = members.indices.sorted { a, b in
            let sa = centre.dot(vectors[a]), sb = centre.dot(vectors[b])
            return sa != sb ? sa > sb : members[a].key < members[b].key
        }
        let weights = Dictionary(uniqueKeysWithValues: centre.entries.map { ($0.0, $0.1) })
        func weight(_ feature: String) -> Double { model.id(of: feature).flatMap { weights[$0] } ?? 0 }
        let terms = centre.entries
            .compactMap { id, w -> (String, Double)? in
                guard Int(id) < model.vocabulary.count else { return nil }
                let f = model.vocabulary[Int(id)]
                if f.hasPrefix("w:") { return (String(f.dropFirst(2)), w) }
                if f.hasPrefix("code:") { return (String(f.dropFirst(5)), w) }
                return nil
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(Self.termCount).map(\.0)
        let phrase = sharedPhrase(members, order: order, weight: weight, terms: Set(terms))
        let label = phrase?.phrase.map { Self.clean($0.text) }
            ?? Self.clauseNaming(terms, in: order.map { members[$0].text })
            ?? (terms.isEmpty ? "" : terms.prefix(2).joined(separator: "・"))
        let quoted = order.prefix(quoteCount)
        return IssueCluster(
            id: id, label: label, terms: Array(terms), members: members.map(\.key),
            quotes: quoted.map { Self.cut(members[$0], around: phrase?.key, weight: weight) },
            quoteKeys: quoted.map { members[$0].key }, definingFeatures: phrase?.defining ?? [])
    }

    /// The phrase about a word that the most members share, in its most common wording; else
    /// the problem the most members share (with or without a word: 「CSVを開くと文字化け」,
    /// 「文字化けしている」); nil when no two members share one. `defining`: that phrase's
    /// feature, then the other phrases (about a cluster term, or problems alone) that at least
    /// `definingShare` of the members use and that are mostly found here (配達が遅すぎ beside
    /// 料理が届かない): a text outside the cluster with one of them names the issue too.
    private func sharedPhrase(
        _ members: [ClusterItem], order: [Int], weight: (String) -> Double, terms: Set<String>
    ) -> (key: String, phrase: IssuePhrase?, defining: [String])? {
        var support: [String: Int] = [:]
        var signal = Set<String>()
        for m in members {
            let phrases = m.features.phrases
            for f in Set(phrases.map(\.feature) + phrases.map(\.problem)) { support[f, default: 0] += 1 }
            for p in phrases where p.isSignal {
                signal.insert(p.feature)
                signal.insert(p.problem)
            }
        }
        // A phrase about a word names an issue best (「返金が遅い」), and a named problem (a
        // signal's evidence) before a mere negative word (「本当に困る」).
        func score(_ f: String) -> Double { Double(support[f]!) * (signal.contains(f) ? 1 : 0.5) }
        func ranked(_ prefix: String, where accept: (String) -> Bool) -> [String] {
            support.keys.filter { $0.hasPrefix(prefix) && support[$0]! >= 2 && accept($0) }.sorted { a, b in
                if score(a) != score(b) { return score(a) > score(b) }
                let wa = weight(a), wb = weight(b)
                return wa != wb ? wa > wb : a < b
            }
        }
        func best(_ prefix: String, where accept: (String) -> Bool) -> String? { ranked(prefix, where: accept).first }
        // A phrase names the cluster only when most texts with it are here (文字化け in a CSV
        // cluster; not 困る, or 回答がない that a second complaint adds to every issue).
        func concentrated(_ f: String) -> Bool {
            guard let id = model.id(of: f) else { return false }
            return support[f]! * 2 >= model.documentFrequency[Int(id)]
        }
        // A phrase about a word is about what the cluster is about: its word is one of the
        // cluster's terms (an invoice issue is not named by the 回答がない some members add).
        func aboutATerm(_ f: String) -> Bool {
            guard let end = f.firstIndex(of: ">") else { return false }
            return terms.contains(String(f[f.index(f.startIndex, offsetBy: 2)..<end]))
        }
        guard let best = best("a:", where: { concentrated($0) && aboutATerm($0) }) ?? best("p:", where: concentrated) else { return nil }
        /// The most common wording of phrase `feature` (ties: the most central member's).
        /// `worded`: only wordings that start at a word.
        func wording(_ feature: String, worded: Bool) -> (text: String, phrase: IssuePhrase)? {
            var wordings: [String: Int] = [:]
            // Wording → its rank and phrase in the most central member using it.
            var first: [String: (rank: Int, phrase: IssuePhrase)] = [:]
            for (rank, i) in order.enumerated() {
                for p in members[i].features.phrases where (p.feature == feature || p.problem == feature) && (p.hasWord || !worded) {
                    let text = Self.clean(p.text)
                    wordings[text, default: 0] += 1
                    if first[text] == nil { first[text] = (rank, p) }
                }
            }
            return wordings.keys.max { a, b in
                wordings[a]! != wordings[b]! ? wordings[a]! < wordings[b]! : first[a]!.rank > first[b]!.rank
            }.map { ($0, first[$0]!.phrase) }
        }
        guard let text = wording(best, worded: false)?.text,
              // Two characters (困っ, 遅い) name no issue: the clause naming below does better.
              text.count >= Self.minimumPhraseLength else { return nil }
        let least = max(2, Int((Self.definingShare * Double(members.count)).rounded(.up)))
        let others = support.keys.filter { f in
            f != best && support[f]! >= least && concentrated(f) && (f.hasPrefix("p:") || aboutATerm(f))
        }.sorted()
        // The label names the issue: a predicate alone (「エラー」, 「ほしい」, 「られない」) does
        // not, so it is worded from a member that wrote what failed — of this phrase, else of
        // the next shared problem; with none, the clause naming below names the cluster.
        let labelled = ([best] + ranked("p:", where: concentrated).filter { $0 != best }).lazy
            .compactMap { f in wording(f, worded: true).map { (f, $0) } }
            .first { $0.1.text.count >= Self.minimumPhraseLength }
        return (labelled?.0 ?? best, labelled?.1.phrase, [best] + others)
    }

    /// A shared phrase shorter than this is no label.
    static let minimumPhraseLength = 3

    /// Without a shared problem phrase: the shortest clause, as a member wrote it, that holds
    /// the most of the cluster's three top words (at least two), in the most central member
    /// first (「アクオスのスマホでQRが読めない」 rather than 「スマホ・アクオス」); nil when no
    /// clause of `texts` (central first) holds two of them within `maxLabelLength` characters.
    static func clauseNaming(_ terms: [String], in texts: [String]) -> String? {
        let top = Array(terms.prefix(3))
        guard top.count >= 2 else { return nil }
        var best: (count: Int, length: Int, text: String)?
        // A text met again (the same ticket sent again) offers nothing better than the first time.
        var seen = Set<ByteKey>()
        for text in texts where seen.insert(ByteKey(text)).inserted {
            for clause in text.split(whereSeparator: { clauseBreaks.contains($0) }) {
                let line = clean(String(clause))
                guard line.count >= 4 && line.count <= maxLabelLength,
                      let normal = try? Normalizer.normalize(line) else { continue }
                let count = top.filter { containsWord(normal, $0) }.count
                guard count >= 2 else { continue }
                // A clause with more of the words wins; then a shorter one; then the more central member.
                if best == nil || count > best!.count || (count == best!.count && line.count < best!.length) {
                    best = (count, line.count, line)
                }
            }
        }
        return best?.text
    }

    /// Whether `word` occurs in `text` as a whole word: not inside a longer run of kanji or
    /// katakana (契約 is not in 契約者, ログ not in ログイン).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        func run(_ c: Character?) -> Int {
            guard let v = c?.unicodeScalars.first?.value else { return 0 }
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || v == 0x3005 { return 1 }
            if (0x30A1...0x30FA).contains(v) || v == 0x30FC { return 2 }
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { return 3 }
            return 0
        }
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: search) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
            let first = run(word.first), last = run(word.last)
            if (first == 0 || run(before) != first) && (last == 0 || run(after) != last) { return true }
            search = found.upperBound..<text.endIndex
        }
        return false
    }

    /// Where a clause ends: sentence ends, commas, line breaks and brackets.
    static let clauseBreaks: Set<Character> = ["。", "！", "？", "!", "?", "\n", "、", "，", ",", "「", "」", "『", "』", "【", "】", "(", ")", "（", "）", "・", "/", "／"]

    /// One line, spaces collapsed, at most `maxLabelLength` characters.
    static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let line = words.joined(separator: " ")
        return line.count > maxLabelLength ? String(line.prefix(maxLabelLength - 1)) + "…" : line
    }

    /// The member's text cut to the sentence that holds a phrase of `feature` (its `a:` feature
    /// or its `p:` problem; else the phrase
    /// whose feature weighs most in the cluster, so a form header such as 【種別】不具合の報告
    /// is not quoted for the issue), with … where text was cut; the whole text when it has no
    /// phrase.
    static func cut(_ item: ClusterItem, around feature: String?, weight: (String) -> Double = { _ in 0 }) -> String {
        let phrases = item.features.phrases
        let closest = phrases.indices.max { a, b in
            let wa = weight(phrases[a].feature), wb = weight(phrases[b].feature)
            return wa != wb ? wa < wb : a > b
        }.map { phrases[$0] }
        guard let p = phrases.first(where: { $0.feature == feature || $0.problem == feature }) ?? closest else { return item.text }
        let scalars = Array(item.text.unicodeScalars)
        guard p.sentenceStart < p.sentenceEnd, p.sentenceEnd <= scalars.count else { return item.text }
        var s = String(String.UnicodeScalarView(scalars[p.sentenceStart..<p.sentenceEnd]))
        s = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if p.sentenceStart > 0 { s = "…" + s }
        if p.sentenceEnd < scalars.count && !item.text.unicodeScalars.dropFirst(p.sentenceEnd).allSatisfy({ $0.properties.isWhitespace }) {
            s += "…"
        }
        return s
    }
}
