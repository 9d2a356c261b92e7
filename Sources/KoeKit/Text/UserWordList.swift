/// Words the tokenizer keeps whole although ICU splits them (product names, compounds such as
/// 二段階認証 or チェックアウト). Loaded from `words.tsv` files; matched on normalised text.
public struct UserWordList: Sendable {
    public private(set) var words: [String] = []
    private var trie = UTF16Trie(keys: [])
    /// False when a word holds a hard break or starts with a space: then a line cannot be
    /// segmented clause by clause (see `TextAnalyzer+Clauses.swift`).
    private(set) var allowsClauses = true
    /// The pairs of units found side by side inside a word (nil: no words): a line is never
    /// cut between such a pair, so no word is cut apart.
    private var pairs: PairSet?

    public init() {}

    /// `words` are normalised here, so they may be written in any width or case.
    public init(words: [String]) throws {
        var unique = Set<[UInt16]>()
        var keys: [[UInt16]] = []
        for word in words {
            let units = try Normalizer.normalize(units: Array(word.utf16)).units
            if !units.isEmpty && unique.insert(units).inserted {
                keys.append(units)
                self.words.append(String(decoding: units, as: UTF16.self))
            }
        }
        trie = UTF16Trie(keys: keys)
        if !keys.isEmpty {
            var pairs = PairSet(log2Bits: 16)
            for key in keys { for k in 1..<key.count { pairs.insert(key[k - 1], key[k]) } }
            self.pairs = pairs
        }
        allowsClauses = !keys.contains { key in key.contains(where: HardBreak.isBreak) || TokenKind.isSpace(key[0]) }
    }

    public var isEmpty: Bool { trie.isEmpty }

    /// Whether `a` then `b` may occur inside a user word.
    @inline(__always)
    func joins(_ a: UInt16, _ b: UInt16) -> Bool { pairs?.contains(a, b) ?? false }

    /// Merges runs of `tokens[first...]` that together spell a user word. A word must start
    /// and end on token boundaries; the longest word wins.
    func merge(_ tokens: inout [Token], from first: Int = 0, in text: UnsafeBufferPointer<UInt16>) {
        let kept = tokens.withUnsafeMutableBufferPointer { tokens in
            var out = first
            var i = first
            while i < tokens.count {
                guard trie.mayMatch(text, at: Int(tokens[i].start)) else {
                    tokens[out] = tokens[i]
                    out += 1
                    i += 1
                    continue
                }
                var lastToken = -1
                var j = i
                trie.forEachMatch(in: text, from: Int(tokens[i].start)) { end, _ in
                    while j < tokens.count && Int(tokens[j].end) < end { j += 1 }
                    if j < tokens.count && Int(tokens[j].end) == end { lastToken = j }
                }
                var token = tokens[i]
                if lastToken > i {
                    for k in (i + 1)...lastToken { token.kind = TokenKind.merged(token.kind, tokens[k].kind) }
                    token.end = tokens[lastToken].end
                    i = lastToken + 1
                } else {
                    i += 1
                }
                tokens[out] = token
                out += 1
            }
            return out
        }
        tokens.removeLast(tokens.count - kept)
    }
}

extension UserWordList {
    /// The list's tables, for the lexicon cache (`LexiconCache`).
    func write(to out: inout CacheWriter) {
        out.strings(words)
        trie.write(to: &out)
        out.bool(allowsClauses)
        out.array(pairs?.storedBits ?? [])
    }

    /// A list as `write` stored it.
    init(reading input: inout CacheReader) throws {
        words = try input.strings()
        trie = try UTF16Trie(reading: &input)
        allowsClauses = try input.bool()
        let bits: [UInt64] = try input.array()
        if bits.isEmpty {
            pairs = nil
        } else {
            guard let set = PairSet(log2Bits: 16, bits: bits) else { throw CacheFormatError(description: "bad user word pairs") }
            pairs = set
        }
    }
}
