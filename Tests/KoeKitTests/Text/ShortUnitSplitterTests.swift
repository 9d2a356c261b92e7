import Testing
@testable import KoeKit

/// The short-unit recut on a small table of its own (not the shipped units.tsv), over real ICU
/// words: each test names the rule it pins.
@Suite struct ShortUnitSplitterTests {
    static let table = """
        あり\tunit
        まし\tunit
        ませ\tunit
        ん\tunit
        た\tunit
        て\tunit
        し\tunit
        く\tunit
        たく\tunit
        さ\tunit
        っ\tending
        し\tending
        """

    let analyzer: TextAnalyzer
    let splitter: ShortUnitSplitter

    init() throws {
        analyzer = try TextAnalyzer()
        let parsed = LexiconParser.parse(Self.table, file: "units.tsv", kind: .units)
        #expect(parsed.diagnostics.isEmpty)
        splitter = ShortUnitSplitter(parsed.units)
    }

    func units(_ text: String) throws -> [String] {
        try analyzer.analyze(text)
        var out: [Token] = []
        splitter.split(analyzer.tokens, text: analyzer.normalizedUnits, into: &out)
        return out.map { String(decoding: analyzer.normalizedUnits[Int($0.start)..<Int($0.end)], as: UTF16.self) }
    }

    func icuWords(_ text: String) throws -> [String] {
        try analyzer.analyze(text)
        return analyzer.tokenViews().map(\.text)
    }

    @Test func aRunOfKanaIsRecutIntoTheFewestUnits() throws {
        // ICU: ありま|した|。 (or similar) — the table cuts the run as あり|まし|た.
        #expect(try units("ありました。") == ["あり", "まし", "た", "。"])
        #expect(try units("ありません") == ["あり", "ませ", "ん"])
    }

    @Test func anEndingJoinsTheSingleKanjiBeforeIt() throws {
        // 入|って from ICU; っ is an ending after one kanji: 入っ|て.
        #expect(try icuWords("入って").first == "入")
        #expect(try units("入って") == ["入っ", "て"])
    }

    /// な|って and なっ|て cost the same and are as long: the small っ closes the piece before it
    /// (a verb's て-form), and a って after a word that does not end in っ stays a particle.
    @Test func aSmallTsuClosesThePieceBeforeIt() throws {
        let parsed = LexiconParser.parse("な\tunit\nなっ\tunit\nって\tunit\nて\tunit\nそう\tunit\nしまう\tunit\nこれ\tunit\nどう\tunit", file: "units.tsv", kind: .units)
        #expect(parsed.diagnostics.isEmpty)
        let splitter = ShortUnitSplitter(parsed.units)
        func cut(_ text: String) throws -> [String] {
            try analyzer.analyze(text)
            var out: [Token] = []
            splitter.split(analyzer.tokens, text: analyzer.normalizedUnits, into: &out)
            return out.map { String(decoding: analyzer.normalizedUnits[Int($0.start)..<Int($0.end)], as: UTF16.self) }
        }
        #expect(try cut("そうなってしまう") == ["そう", "なっ", "て", "しまう"])
        #expect(try cut("これってどう") == ["これ", "って", "どう"])
    }

    @Test func aNounOfTwoKanjiKeepsItsKanaApart() throws {
        // し is an ending too, but 確認 is two kanji: a noun taking し|て, not a verb stem.
        let icu = try icuWords("確認して")
        try #require(icu.first == "確認")
        #expect(try units("確認して") == ["確認", "し", "て"])
    }

    @Test func aKanaWordTheTableDoesNotKnowStaysWholeUnlessTwoUnitsMakeItUp() throws {
        // たくさん: たく|さ|ん are all units, but three of them (30) cost more than ICU's word (25).
        try #require(try icuWords("たくさん") == ["たくさん"])
        #expect(try units("たくさん") == ["たくさん"])
        // ICU's ありま|した: two words (50) against three units あり|まし|た (30).
        #expect(try units("ありました") == ["あり", "まし", "た"])
    }

    @Test func otherTokensPassThrough() throws {
        #expect(try units("ログイン画面") == (try icuWords("ログイン画面")))
    }
}

@Suite struct ShortUnitParserTests {
    @Test func badLinesAreErrorsWithTheirPlace() {
        let parsed = LexiconParser.parse("まし\tunit\nマシ\tunit\nいただける\tunit\nまし\tword\n", file: "units.tsv", kind: .units)
        #expect(parsed.units.map(\.text) == ["まし"])
        #expect(parsed.diagnostics.map { "\($0.line):\($0.column)" } == ["2:1", "3:1", "4:4"])
        #expect(parsed.diagnostics[0].message.contains("hiragana only"))
        #expect(parsed.diagnostics[1].message.contains("at most 4"))
        #expect(parsed.diagnostics[2].message.contains("unknown unit kind 'word'"))
    }

    @Test func theFileIsKnownByName() {
        #expect(LexiconParser.kind(ofFile: "lexicons/ja/units.tsv") == .units)
    }
}
