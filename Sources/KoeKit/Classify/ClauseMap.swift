/// Sentence and clause structure of one line, from clause-end rule words, 。!? and line breaks, spaces
/// after a sentence-final kana, and contrast markers. A contrast marker closes the clause it ends.
struct ClauseMap {
    /// Sorted end positions of sentences and of clauses (every sentence end is a clause end).
    private(set) var sentenceEnds: [Int32] = []
    private(set) var clauseEnds: [Int32] = []

    /// `roleOf`: entry index -> rule role (`CompiledLexicon.roleOf`).
    mutating func build(text: UnsafeBufferPointer<UInt16>, rules: [Hit], roleOf: [RuleRole?]) {
        sentenceEnds.removeAll(keepingCapacity: true)
        clauseEnds.removeAll(keepingCapacity: true)
        for i in 0..<text.count {
            let u = text[i]
            // Kana, kanji and the rest of U+3040..<U+D800 end nothing (the sentence marks, the
            // spaces, the pictographs and the surrogates all lie outside): most of a line.
            if u &- 0x3040 < 0xD800 - 0x3040 { continue }
            // 。 ! ? end a sentence even when a longer rule word holds them (かな。 of the
            // question rules): the clause_end hit on them is then dropped as overlapped.
            if ClauseMap.endsSentence(u) {
                sentenceEnds.append(Int32(i + 1))
            } else if (u == 0x20 || u == 0x3000) && i > 0 && ClauseMap.sentenceFinals.contains(text[i - 1]) {
                // Line breaks often arrive as spaces (one-line exports): 届きました␣電話したら….
                sentenceEnds.append(Int32(i + 1))
            } else if let end = ClauseMap.emojiEnd(text, at: i) {
                // In posts an emoji closes its sentence as 。 would: 毎回圏外🙃 前の会社のときは….
                sentenceEnds.append(Int32(end))
            }
        }
        for h in rules {
            switch roleOf[Int(h.entry)] {
            case .clauseEnd?: sentenceEnds.append(h.end)
            case .contrast?: clauseEnds.append(h.end)
            default: break
            }
        }
        sentenceEnds.append(Int32(text.count))
        sentenceEnds.sort()
        sentenceEnds.removeConsecutiveDuplicates()
        clauseEnds.append(contentsOf: sentenceEnds)
        clauseEnds.sort()
    }

    /// A line break, 。, ! or ? (ASCII or full width) ends a sentence wherever it stands.
    static func endsSentence(_ u: UInt16) -> Bool {
        u == 0x0A || u == 0x3002 || u == 0x21 || u == 0x3F || u == 0xFF01 || u == 0xFF1F
    }

    /// The end of an emoji that ends at `i` (a pictograph, with its variation selector), or nil
    /// while the emoji goes on (a zero-width joiner or a skin-tone modifier follows).
    static func emojiEnd(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Int? {
        let u = text[i]
        let pictograph: Bool
        if (0xDC00...0xDFFF).contains(u) {
            // A supplementary-plane pictograph: high surrogate D83C–D83E (U+1F000–U+1FAFF); a
            // skin-tone modifier (U+1F3FB–U+1F3FF) ends the emoji it follows; regional
            // indicators (flags) are left alone.
            guard i > 0, (0xD83C...0xD83E).contains(text[i - 1]) else { return nil }
            pictograph = !(text[i - 1] == 0xD83C && (0xDDE6...0xDDFF).contains(u))
        } else {
            pictograph = (0x2600...0x27BF).contains(u) && u != 0x2605 && u != 0x2606  // ☀…➿ (☺, ✨, ✅), not the rating stars ★☆
        }
        guard pictograph else { return nil }
        var end = i + 1
        if end < text.count && text[end] == 0xFE0F { end += 1 }
        if end < text.count && (text[end] == 0x200D
            || (end + 1 < text.count && text[end] == 0xD83C && (0xDFFB...0xDFFF).contains(text[end + 1]))) { return nil }
        return end
    }

    /// Kana that end a sentence when a space follows: す (です・ます) た だ よ ね か ん.
    static let sentenceFinals: Set<UInt16> = [0x3059, 0x305F, 0x3060, 0x3088, 0x306D, 0x304B, 0x3093]

    /// Index of the sentence containing position `p` (a hit's start).
    func sentence(of p: Int32) -> Int { ClauseMap.bucket(p, in: sentenceEnds) }
    func clause(of p: Int32) -> Int { ClauseMap.bucket(p, in: clauseEnds) }

    /// The first bucket whose end is > p.
    private static func bucket(_ p: Int32, in ends: [Int32]) -> Int {
        var lo = 0, hi = ends.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ends[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Array where Element: Equatable {
    /// Keeps the first of each run of equal neighbours (a sorted array becomes a set).
    mutating func removeConsecutiveDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
