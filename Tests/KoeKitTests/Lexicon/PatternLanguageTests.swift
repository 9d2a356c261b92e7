import Foundation
import Testing
@testable import KoeKit

/// The pattern language of lexicon lines: syntax, expansion, negation forms, gaps, numbers,
/// word classes and their diagnostics — on mini lexicons written here, not the shipped data.
@Suite struct PatternLanguageTests {
    /// A lexicon with three signals, `classes/c.tsv` and `entries.tsv`; `extraLayer` is a user
    /// layer's `classes/mine.tsv`.
    static func lexicon(classes: String = "", entries: String, extraLayer: String? = nil) throws -> (Lexicon, [Diagnostic]) {
        let signals = "slow_response\tdissatisfaction\t遅い\nrepeat_contact\tdissatisfaction\t再\nhigh_effort\tdissatisfaction\t負担\n"
        let base = ["signals.tsv": signals, "classes/c.tsv": classes, "entries.tsv": entries]
        return try TemporaryLexicon.load([base] + (extraLayer.map { [["classes/mine.tsv": $0]] } ?? []))
    }

    static func expansions(_ pattern: String, classes: [String: String] = [:], inflection: Inflection? = nil) throws -> [String] {
        var table: [String: WordClass] = [:]
        for (name, body) in classes {
            table[name] = WordClass(
                name: name, pattern: try Pattern(parsing: body, topLevelAlternation: true),
                location: SourceLocation(file: "c.tsv", line: 1))
        }
        return try PatternExpander(classes: table, negationClass: inflection).expand(Pattern(parsing: pattern)).segments.flatMap { $0 }
    }

    static func signals(_ text: String, _ lexicon: Lexicon) throws -> [String] {
        try Classifier(lexicon: CompiledLexicon(lexicon)).classify(text).signals.map(\.id)
    }

    @Test func alternationAndOptionalPartsMultiply() throws {
        #expect(Set(try Self.expansions("返信(が|は|)[まだ]ない")) == ["返信がない", "返信がまだない", "返信はない", "返信はまだない", "返信ない", "返信まだない"])
        #expect(try Self.expansions("(a|b)(c|d)").sorted() == ["ac", "ad", "bc", "bd"])
    }

    @Test func wordClassesExpandInPlaceAndNest() throws {
        let classes = ["reply": "返信|回答|@call", "call": "折り返し[の電話]"]
        #expect(Set(try Self.expansions("@reply待ち", classes: classes)) == ["返信待ち", "回答待ち", "折り返し待ち", "折り返しの電話待ち"])
    }

    @Test(arguments: [
        ("来る<neg>", ["来ない", "来ません", "来なかった", "来ませんでした", "来ていない", "来ていません", "来ておらず", "来ず", "来てない",
                      "こない", "こなかった", "こず"]),
        ("くる<neg>", ["こない", "きません", "きていない"]),
        ("届く<neg>", ["届かない", "届きません", "届いていない", "届いておりません", "届かず", "届かへん", "届かん", "届いていなく", "届いてなく"]),
        ("解約する<neg>", ["解約しない", "解約しません", "解約していない", "解約せず"]),
        ("返信がある<neg>", ["返信がない", "返信がありません", "返信がなかった", "返信がなし"]),
        ("使いやすい<neg>", ["使いやすくない", "使いやすくなかった", "使いやすくありません"]),
        ("いい<neg>", ["よくない", "よくなかった"]),
        ("進む<cannot>", ["進めない", "進めません", "進めなかった", "進めず"]),
        ("ログインする<cannot>", ["ログインできない", "ログインできません", "ログインできず", "ログインが出来ない"]),
        ("来る<cannot>", ["来られない", "来れない"]),
    ])
    func negationFormsFromTheInferredClass(pattern: String, expected: [String]) throws {
        let forms = Set(try Self.expansions(pattern))
        for form in expected { #expect(forms.contains(form), "\(pattern) should expand to \(form)") }
        #expect(!forms.contains { $0.hasSuffix("る") })
    }

    /// The kana negatives of 来る are its plain negatives only: no き forms, which end other
    /// verbs after a gap (届きません, できていない), no kana stem, which would start other words
    /// (返信がきちんと…), and no kana potential (これない reads as これ + ない).
    @Test func kanaFormsOfKuruArePlainNegativesOnly() throws {
        let forms = Set(try Self.expansions("返信が来る<neg>"))
        #expect(forms.contains("返信がこない") && forms.contains("返信がこなかった"))
        #expect(!forms.contains { $0.hasPrefix("返信がき") })
        #expect(!forms.contains("返信がこ") && !forms.contains("返信がこん"))
        #expect(!Set(try Self.expansions("来る<cannot>")).contains("これない"))
    }

    /// An い-adjective that is a verb's negative is also said with ん / へん (つまらん, 使えへん);
    /// an adjective whose ない is no verb's negative is not (少ない, 情けない), nor きたない (きたん
    /// would be 来たん).
    @Test func colloquialNegativesOfNaiAdjectives() throws {
        func stems(_ word: String) throws -> Set<String> { Set(try Inflection.adjI.stems(of: word).get()) }
        #expect(try stems("つまらない").isSuperset(of: ["つまらない", "つまらん", "つまらへん"]))
        #expect(try stems("使えない").isSuperset(of: ["使えん", "使えへん"]))
        #expect(try stems("物足りない").contains("物足りん"))
        for word in ["少ない", "情けない", "きたない", "しょうがない"] {
            #expect(try !stems(word).contains { $0.hasSuffix("ん") }, "\(word)")
        }
        #expect(try stems("高い") == Set(["高い", "高かっ", "高く", "高けれ", "高さ", "高そう", "高すぎ", "高げ", "高め"]))
    }

    @Test func negationOfRuVerbsAndNaAdjectivesTakesTheColumn() throws {
        #expect(Set(try Self.expansions("届ける<neg>", inflection: .v1)).isSuperset(of: ["届けない", "届けません", "届けていない"]))
        #expect(Set(try Self.expansions("つながる<neg>", inflection: .v5)).isSuperset(of: ["つながらない", "つながりません", "つながっていない"]))
        #expect(throws: PatternError.self) { try Self.expansions("つながる<neg>") }
        #expect(Set(try Self.expansions("届ける<cannot>", inflection: .v1)).isSuperset(of: ["届けられない", "届けれない"]))
        #expect(Set(try Self.expansions("便利<neg>", inflection: .adjNa)).isSuperset(of: ["便利じゃない", "便利ではありません"]))
        #expect(throws: PatternError.self) { try Self.expansions("届ける<neg>") }
    }

    @Test func numbersMatchAnyDigitsAndKanjiNumerals() throws {
        let (lexicon, diagnostics) = try Self.lexicon(
            entries: "<num>回目\trepeat_contact\t1\t-\n<num>週間待った\tslow_response\t1\t-\n星1\thigh_effort\t1\t-\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for text in ["問い合わせは3回目です", "これで12回目です", "もう三回目です", "何回目でしょう"] {
            #expect(try Self.signals(text, lexicon) == ["repeat_contact"], "\(text)")
        }
        #expect(try Self.signals("2週間待った", lexicon) == ["slow_response"])
        // A digit the line spells literally matches only itself: 星1 is not 星5.
        #expect(try Self.signals("星1です", lexicon) == ["high_effort"])
        #expect(try Self.signals("星5です", lexicon).isEmpty)
        #expect(try Self.signals("回目", lexicon).isEmpty)
    }

    @Test func gapsChainPartsWithinOneSentence() throws {
        let (lexicon, diagnostics) = try Self.lexicon(
            classes: "@reply\t返信|回答\n", entries: "@reply(が|は)…{10}来る<neg>\tslow_response\t1\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try Self.signals("返信が3日経っても来ません", lexicon) == ["slow_response"])
        #expect(try Self.signals("回答は来ていない", lexicon) == ["slow_response"])
        // Too far apart, across a sentence end, or in the wrong order: no match.
        #expect(try Self.signals("返信が、あれからずいぶんと長いあいだ待っているのに来ません", lexicon).isEmpty)
        #expect(try Self.signals("返信があった。上司は来ない", lexicon).isEmpty)
        #expect(try Self.signals("来ない返信が", lexicon).isEmpty)
    }

    @Test func aNegationInsideAClassMakesTheLineAPrefix() throws {
        let (lexicon, diagnostics) = try Self.lexicon(classes: "@no_reply\t来る<neg>\n", entries: "返信が@no_reply\tslow_response\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(lexicon.entries.map(\.inflection) == [.prefix])
    }

    /// Two hits of the last part (も来ません, 来ません) close the same chain: one match.
    @Test func oneChainIsOneMatch() throws {
        let (lexicon, _) = try Self.lexicon(classes: "@reply\t返信\n", entries: "@reply(が|は)…{10}[も]来る<neg>\tslow_response\t1\n")
        let explanation = try Classifier(lexicon: CompiledLexicon(lexicon)).explain("返信が3日経っても来ません")
        #expect(explanation.matches.filter { $0.target == "slow_response" }.count == 1, "\(explanation.matches)")
    }

    @Test func aLaterLayerReplacesAClass() throws {
        let entries = "@product(が|は)落ちる\tslow_response\t1\tv1\n"
        let (base, _) = try Self.lexicon(classes: "@product\tアプリ\n", entries: entries)
        #expect(try Self.signals("アプリが落ちた", base) == ["slow_response"])
        let (layered, diagnostics) = try Self.lexicon(classes: "@product\tアプリ\n", entries: entries, extraLayer: "@product\tコエ\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try Self.signals("コエが落ちた", layered) == ["slow_response"])
        #expect(try Self.signals("アプリが落ちた", layered).isEmpty)
    }

    @Test(arguments: [
        ("返信(が|は\tslow_response\n", "entries.tsv:1:3: error: '(' is never closed"),
        ("返信|回答\tslow_response\n", "entries.tsv:1:3: error: '|' outside parentheses"),
        ("返信<never>\tslow_response\n", "entries.tsv:1:3: error: unknown operator <never>"),
        ("(返信…来ない)\tslow_response\n", "entries.tsv:1:4: error: a gap '…' may only stand at the top level"),
        ("返信…{99}来ない\tslow_response\n", "entries.tsv:1:4: error: a gap's reach is written …{N}"),
        ("@nowhere来ない\tslow_response\n", "entries.tsv:1:1: error: unknown word class '@nowhere'"),
        ("届ける<neg>\tslow_response\n", "entries.tsv:1:4: error: cannot tell how '届ける' conjugates"),
        ("@loop\tslow_response\n", "entries.tsv:1:1: error: in @loop"),
        ("(返信|回答)(が|は)遅\tslow_response\t1\tadj-i\n", "entries.tsv:1:1: error: pattern '(返信|回答)(が|は)遅' (as '返信が遅') does not fit inflection 'adj-i'"),
    ])
    func diagnosticsPointIntoTheSourceLine(entry: String, expected: String) throws {
        let (_, diagnostics) = try Self.lexicon(classes: "@loop\tx@loop\n", entries: entry)
        let messages = diagnostics.map { d in d.description.range(of: "entries.tsv:").map { String(d.description[$0.lowerBound...]) } ?? d.description }
        #expect(messages.contains { $0.hasPrefix(expected) }, "\(messages)")
    }

    @Test func aLineThatExpandsTooFarIsWarnedAboutThenRefused() throws {
        func choice(_ n: Int) -> String { "(" + (0..<n).map { "語\($0)" }.joined(separator: "|") + ")" }
        let (_, warned) = try Self.lexicon(entries: "\(choice(2_100))\tslow_response\n")
        #expect(warned.contains { $0.severity == .warning && $0.message.contains("expands to 2100 strings") }, "\(warned)")
        let (lexicon, refused) = try Self.lexicon(entries: "\(choice(20_001))\tslow_response\n")
        #expect(refused.contains { $0.severity == .error && $0.message.contains("more than 20000") }, "\(refused)")
        #expect(lexicon.entries.isEmpty)
    }

    /// Large products are not multiplied out: the parts are joined (gap 0) and chained where
    /// one ends and the next starts, which matches exactly what the product would.
    @Test func largeProductsAreJoinedNotMultiplied() throws {
        let nouns = "(返信|回答|返事|連絡|折り返し|見積もり|請求書|領収書|明細|資料)"
        let pattern = "\(nouns)(が|は|も)(まだ|全然|一向に)届く<neg>"
        let expansion = try PatternExpander(classes: [:]).expand(Pattern(parsing: pattern))
        #expect(expansion.segments.count > 1 && expansion.gaps.allSatisfy { $0 == 0 }, "\(expansion.gaps)")
        #expect(expansion.count < 10 * 3 * 3 * 20)
        let (lexicon, diagnostics) = try Self.lexicon(entries: "\(pattern)\tslow_response\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let matched = try Classifier(lexicon: CompiledLexicon(lexicon)).classify("請求書がまだ届いておりません")
        #expect(matched.signals.first?.evidence.first?.text == "請求書がまだ届いておりません")
        #expect(try Self.signals("請求書がまだ", lexicon).isEmpty)
        #expect(try Self.signals("まだ届いておりません", lexicon).isEmpty)
        #expect(try Self.signals("請求書が、まだ届いておりません", lexicon).isEmpty)
    }
}
