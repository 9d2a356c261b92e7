import Testing
@testable import KoeKit

/// Segmenting a line clause by clause, and only where the matcher asks, must find exactly the
/// tokens of one ICU pass over the whole line, and so exactly the same lexicon matches.
@Suite struct ClauseSegmentationTests {
    /// Texts around the hard breaks: where a break would join its neighbours if it were not
    /// one (3.5, a:b), marks that attach to it, and breaks in a row.
    static let edgeCases = [
        "", "。", "!!", "??!", "「」", "（笑）", "a!b", "3.5!", "a:b、c", "1,000円。", "Wi-Fi!", "e.g.?",
        "ｶﾞ。", "、\u{3099}が", "。\u{200D}😀", "!\u{FE0F}", "「\u{301C}」", "ー!ー", "(　)", "。。。",
        " !", "! ", "解約!解約?", "【重要】ログインできません!!", "使いにくい。でも、サポートは丁寧。",
        "\u{3000}改善されないなら解約します(本当に)", "ﾛｸﾞｲﾝ!ｴﾗｰ", "#85405です。至急!",
        // Script edges: kana or kanji next to ASCII, where the line is cut too; `_` joins
        // katakana to letters and digits (WB13a/b), so it is no edge.
        "SMSの認証コード", "ＡＰＩ連携でエラー", "api連携の設定", "Wi-Fiが切れる", "3日後に解約", "ver2.0で直った",
        "a_カナ", "カナ_a", "1_カナ_2", "ひら_がな", "漢字abc漢字", "ｺｰﾄﾞ123です", "テスト test テスト",
        "か\u{3099}a", "aか\u{3099}", "ーa", "aー", "x々", "ゝa", "ヶ月1", "カナ.com", "a.かな", "5,000円",
    ]

    static var texts: [String] {
        var random = SeededGenerator(seed: 11)
        let breaks = ["。", "、", "!", "?", "(", ")", "「", "」", "『", "』", "【", "】", "！", "？", "（", "）"]
        let mixed = (0..<600).map { i -> String in
            var s = random.mixedJapanese(length: Int.random(in: 0...50, using: &random))
            // Sprinkle break characters, some followed by marks that attach to them.
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let at = s.index(s.startIndex, offsetBy: Int.random(in: 0...s.count, using: &random))
                let mark = i % 3 == 0 ? ["\u{3099}", "\u{200D}", "\u{FE0F}", "\u{302A}", ""][Int.random(in: 0...4, using: &random)] : ""
                s.insert(contentsOf: breaks[Int.random(in: 0..<breaks.count, using: &random)] + mark, at: at)
            }
            return s
        }
        return edgeCases + BuiltInLexicon.loaded.lexicon.examples.map(\.text) + mixed
    }

    @Test func clausesSegmentAsTheWholeLine() throws {
        let whole = try TextAnalyzer(), pieces = try TextAnalyzer()
        var random = SeededGenerator(seed: 12)
        for text in Self.texts {
            // Ask for a few positions first, as the matcher does, then for the rest.
            try Self.expectAsTheWholeLine(text, whole, pieces, asking: 3, &random)
            // Every other clause first, then the rest: each clause is segmented on its own.
            for parity in 0..<2 {
                try pieces.prepare(text)
                for (i, clause) in pieces.clauses.enumerated() where i % 2 == parity && clause.end - clause.start > 1 {
                    pieces.requireBoundary(at: clause.start + 1)
                }
                try pieces.segmentRequired()
                try pieces.completeTokens()
                #expect(pieces.tokens == whole.tokens, "\(text.debugDescription), clauses alone")
            }
        }
    }

    /// Clauses met again are taken from the analyzer's memo: the tokens and boundaries must be
    /// those ICU finds, at the offsets where the clause stands in the new line.
    @Test func clausesFromTheMemoSegmentAsTheWholeLine() throws {
        let whole = try TextAnalyzer(), pieces = try TextAnalyzer()
        // The same clauses again, after text of other lengths, and the corpus twice.
        let texts = Self.texts + Self.texts.map { "再度、" + $0 } + Self.texts.map { "?" + $0 + "!" }
        var random = SeededGenerator(seed: 13)
        for text in texts { try Self.expectAsTheWholeLine(text, whole, pieces, asking: 4, &random) }
        #expect(pieces.memo.hits > 100, "the memo must serve clauses met before")
    }

    /// Segments `text` in `pieces` only where `asking` random positions need it, then checks
    /// every boundary it knows, and all its tokens once complete, against `whole`'s.
    static func expectAsTheWholeLine(
        _ text: String, _ whole: TextAnalyzer, _ pieces: TextAnalyzer, asking: Int, _ random: inout SeededGenerator
    ) throws {
        try whole.analyze(text)
        try pieces.prepare(text)
        let n = pieces.normalizedUnits.count
        for _ in 0..<min(n, asking) { pieces.requireBoundary(at: Int32(Int.random(in: 0..<n, using: &random))) }
        try pieces.segmentRequired()
        for q in 0...n {
            let known = pieces.tokenStart(at: Int32(q))
            if known != .unknown { #expect(known == Self.state(whole, q), "\(text.debugDescription) at \(q)") }
        }
        try pieces.completeTokens()
        #expect(pieces.tokens == whole.tokens, "\(text.debugDescription)")
    }

    @Test func matchesAreThoseOfTheWholeLine() throws {
        let lexicon = BuiltInLexicon.compiled
        let whole = try TextAnalyzer(userWords: lexicon.userWords), pieces = try TextAnalyzer(userWords: lexicon.userWords)
        var a = LexiconMatcher(lexicon: lexicon), b = LexiconMatcher(lexicon: lexicon)
        var segmentedPart = 0, total = 0
        for text in Self.texts {
            try whole.analyze(text)
            try a.match(whole)
            try pieces.prepare(text)
            try b.match(pieces)
            #expect(a.content == b.content && a.topics == b.topics && a.rules == b.rules, "\(text.debugDescription)")
            segmentedPart += pieces.segmented.reduce(0) { $0 + Int($1.end - $1.start) }
            total += pieces.normalizedUnits.count
        }
        // The point of it all: some text is never segmented.
        #expect(segmentedPart < total)
    }

    /// Whether a token of `analyzer`'s (whole) tokens starts at `q`, and its kind.
    static func state(_ analyzer: TextAnalyzer, _ q: Int) -> TextAnalyzer.TokenStart {
        if q == analyzer.normalizedUnits.count { return .word }
        guard let token = analyzer.tokens.first(where: { Int($0.start) == q }) else { return .inside }
        return token.kind == .space ? .space : .word
    }

    @Test func userWordsAcrossAScriptEdgeKeepItUncut() throws {
        let words = try UserWordList(words: ["API連携", "ＣＳＶエクスポート"])
        #expect(words.allowsClauses)
        let whole = try TextAnalyzer(userWords: words), pieces = try TextAnalyzer(userWords: words)
        for text in ["API連携で解約", "apiの連携、csvエクスポートが重い", "xapi連携y"] {
            try whole.analyze(text)
            try pieces.prepare(text)
            for (i, clause) in pieces.clauses.enumerated() where i % 2 == 0 && clause.end - clause.start > 1 {
                pieces.requireBoundary(at: clause.start + 1)
            }
            try pieces.segmentRequired()
            try pieces.completeTokens()
            #expect(pieces.tokens == whole.tokens, "\(text.debugDescription)")
        }
        try whole.analyze("API連携で解約")
        #expect(whole.tokenViews().first?.text == "API連携")
    }

    /// ICU's dictionary is read, and runs of kana and kanji are cut where it must break.
    @Test func runsAreCutWhereTheDictionaryMustBreak() throws {
        #expect(DictionaryPairs.shared.isLoaded)
        let analyzer = try TextAnalyzer()
        let text = "ログインできないんだけど全然来ない"
        try analyzer.prepare(text, cutRuns: false)
        #expect(analyzer.clauses.count == 1)
        try analyzer.prepare(text)
        #expect(analyzer.clauses.count > 1)
        // Never inside a katakana run: ICU weighs the whole run as one candidate word.
        try analyzer.prepare("ポクポクと")
        #expect(!analyzer.clauses.contains { $0.start > 0 && $0.start < 4 })
    }

    @Test func userWordsAcrossADictionaryCutKeepItUncut() throws {
        let plain = try TextAnalyzer()
        let text = "二段階認証が届かない"
        try plain.prepare(text)
        let cuts = plain.clauses.map(\.start).filter { $0 > 0 && $0 < 5 }
        #expect(!cuts.isEmpty, "the test needs a cut inside the word")
        let words = try UserWordList(words: ["二段階認証"])
        let whole = try TextAnalyzer(userWords: words), pieces = try TextAnalyzer(userWords: words)
        try whole.analyze(text)
        try pieces.prepare(text)
        #expect(!pieces.clauses.contains { $0.start > 0 && $0.start < 5 })
        try pieces.completeTokens()
        #expect(pieces.tokens == whole.tokens)
        #expect(whole.tokenViews().first?.text == "二段階認証")
    }

    @Test func userWordsAcrossABreakKeepTheLineWhole() throws {
        let words = try UserWordList(words: ["ヘルプ!センター"])
        #expect(!words.allowsClauses)
        let whole = try TextAnalyzer(userWords: words), pieces = try TextAnalyzer(userWords: words)
        try whole.analyze("ヘルプ!センターで解約")
        try pieces.prepare("ヘルプ!センターで解約")
        try pieces.completeTokens()
        #expect(pieces.tokens == whole.tokens)
        #expect(whole.tokenViews().first?.text == "ヘルプ!センター")
    }
}
