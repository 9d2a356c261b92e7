import Testing
@testable import KoeKit

/// The report week keeps its items whole; a ticket that came many times must not be stored as
/// often as it came, and sharing must never change what an item says.
@Suite struct KeptContentTests {
    static func address(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    static func address<T>(_ a: [T]) -> UnsafeRawPointer? {
        a.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    static func phrase(_ text: String) -> IssuePhrase {
        IssuePhrase(feature: "p:" + text, problem: "p:" + text, text: text, sentenceStart: 0, sentenceEnd: 3, isSignal: true)
    }

    /// A long text built anew each time, as each record's text is.
    static func text(_ body: String) -> String { String(repeating: body, count: 4) + "（再送）" }

    @Test func equalTicketsShareOneTextSignalsAndPhrases() {
        var kept = KeptContent()
        var first = ReportItemFactory.item("a1", signals: [.init(id: "billing_error")], text: Self.text("請求書の金額が二重になっています。"))
        first.features.phrases = [Self.phrase("二重になっています")]
        var again = ReportItemFactory.item("a2", signals: [.init(id: "billing_error")], text: Self.text("請求書の金額が二重になっています。"))
        again.features.phrases = [Self.phrase("二重になっています")]
        #expect(Self.address(first.text) != Self.address(again.text))
        kept.share(&first)
        kept.share(&again)
        #expect(again.key == "a2")
        #expect(Self.address(again.text) == Self.address(first.text))
        #expect(Self.address(again.signals) == Self.address(first.signals))
        #expect(Self.address(again.features.phrases) == Self.address(first.features.phrases))
    }

    @Test func whatDiffersIsKeptAsItWas() {
        var kept = KeptContent()
        var first = ReportItemFactory.item("b1", signals: [.init(id: "billing_error")], text: Self.text("配送状況が更新されません。"))
        first.features.phrases = [Self.phrase("更新されません")]
        // Same text, other findings (another lexicon layer, say): only the text is shared.
        var other = ReportItemFactory.item("b2", signals: [.init(id: "slow_response")], text: Self.text("配送状況が更新されません。"))
        other.features.phrases = [Self.phrase("配送状況")]
        var different = ReportItemFactory.item("b3", text: Self.text("返金がまだ届きません。"))
        kept.share(&first)
        kept.share(&other)
        kept.share(&different)
        #expect(Self.address(other.text) == Self.address(first.text))
        #expect(other.signals.map(\.id) == ["slow_response"])
        #expect(other.features.phrases == [Self.phrase("配送状況")])
        #expect(different.text == Self.text("返金がまだ届きません。"))
    }
}
