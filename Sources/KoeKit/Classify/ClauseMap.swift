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
            // 。 ! ? end a sentence even when a longer rule word holds them (かな。 of the
            // question rules): the clause_end hit on them is then dropped as overlapped.
            if ClauseMap.endsSentence(u) {
                sentenceEnds.append(Int32(i + 1))
            } else if (u == 0x20 || u == 0x3000) && i > 0 && ClauseMap.sentenceFinals.contains(text[i - 1]) {
                // Line breaks often arrive as spaces (one-line exports): 届きました␣電話したら….
                sentenceEnds.append(Int32(i + 1))
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
