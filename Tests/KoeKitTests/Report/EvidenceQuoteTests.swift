import Testing
@testable import KoeKit

/// Quotes are cut around the sentence that holds the signal's evidence (issue 13, item 4).
@Suite struct EvidenceQuoteTests {
    typealias F = ReportItemFactory

    /// A long e-mail: greeting, a login problem, filler, and the churn sentence last.
    static let mail = """
        株式会社サンプル サポートご担当者様
        いつも大変お世話になっております。経理部の者です。
        先週から管理画面にログインしようとすると認証エラーが表示され、何度試しても入れない状態が続いております。\
        社内の担当者にも確認しましたが、パスワードの再設定メールも届かず、月末の締め作業に支障が出ております。\
        これまでにも同様の問い合わせを三回ほどお送りしましたが、まだ具体的なご回答をいただけておりません。
        来月末までに改善の見込みが立たない場合は、他社サービスへの移行を社内で正式に検討いたします。
        """

    static func span(of phrase: String, in text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars), target = Array(phrase.unicodeScalars)
        let start = (0...(scalars.count - target.count)).first { Array(scalars[$0..<($0 + target.count)]) == target }!
        return start..<(start + target.count)
    }

    @Test func churnRiskQuotesTheSentenceWithTheSignal() throws {
        let item = F.item("m1", signals: [.init(id: "churn_intent", strength: 2, span: Self.span(of: "移行を社内で正式に検討", in: Self.mail))],
                          account: "ACCT-9", text: Self.mail)
        let risk = try #require(try F.build([item]).churnRisk.first)
        #expect(risk.quote.text == "…来月末までに改善の見込みが立たない場合は、他社サービスへの移行を社内で正式に検討いたします。")
    }

    @Test func effortQuotesTheirOwnSentenceToo() throws {
        let item = F.item("m2", signals: [.init(id: "high_effort", span: Self.span(of: "三回ほどお送り", in: Self.mail))], text: Self.mail)
        let quote = try #require(try F.build([item]).effort.quotes.first)
        #expect(quote.text == "…これまでにも同様の問い合わせを三回ほどお送りしましたが、まだ具体的なご回答をいただけておりません。…")
    }

    @Test(arguments: [
        // At the start: no … before; the rest follows, so … after.
        ("解約します。ほかは問題ありません。", "解約", "解約します。…"),
        // In the middle of three sentences.
        ("はじめに。今月で解約します！最後に。", "解約", "…今月で解約します！…"),
        // At the end without a terminator.
        ("ご連絡です。\n今月で解約", "解約", "…今月で解約"),
        // One sentence: the whole text, no … at all.
        ("今月で解約します。", "解約", "今月で解約します。"),
    ])
    func excerpts(text: String, phrase: String, expected: String) {
        #expect(EvidenceExcerpt.cut(text, around: Self.span(of: phrase, in: text)) == expected)
    }
}
