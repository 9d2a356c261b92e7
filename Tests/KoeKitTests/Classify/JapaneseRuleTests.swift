import Testing
@testable import KoeKit

/// One row per phenomenon of the design brief's rules table, on the built-in lexicons.
@Suite struct JapaneseRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let stance: Stance?
        let has: [String]
        let lacks: [String]
        let rule: String
        var testDescription: String { "\(rule): \(text)" }
    }

    static let cases: [Case] = [
        // negation flips or cancels
        Case(text: "朝食はあまり美味しくなかったです", stance: .dissatisfaction, has: [], lacks: [], rule: "negation"),
        Case(text: "解約するつもりはありません", stance: nil, has: [], lacks: ["churn_intent"], rule: "negation"),
        Case(text: "不満はないです", stance: .success, has: [], lacks: [], rule: "negated negative"),
        Case(text: "来月で解約します", stance: .dissatisfaction, has: ["churn_intent"], lacks: [], rule: "plain churn"),
        // double negation keeps weak original polarity
        Case(text: "美味しくなくはない", stance: .success, has: [], lacks: [], rule: "double negation"),
        // pseudo-negation is not negation
        Case(text: "申し訳ないのですが、請求書を再発行していただけますか", stance: .neutral, has: ["procedure_request"], lacks: [], rule: "pseudo-negation"),
        Case(text: "この設定で問題ないでしょうか", stance: .neutral, has: [], lacks: [], rule: "pseudo-negation question"),
        // contrast: the later clause dominates
        Case(text: "サポートは丁寧だけど、結局解決しなかった", stance: .dissatisfaction, has: [], lacks: ["resolved_satisfied"], rule: "contrast"),
        Case(text: "最初は使いにくかったけど、今はとても便利です", stance: .success, has: [], lacks: [], rule: "contrast"),
        Case(text: "料理は美味しかったのですが…", stance: .dissatisfaction, has: [], lacks: [], rule: "trailing contrast"),
        // conditional keeps the signal, marked conditional
        Case(text: "改善されないなら解約します", stance: nil, has: ["churn_intent"], lacks: [], rule: "conditional"),
        // question softens but keeps topic / signal
        Case(text: "ログインできないのですが、どうすればいいですか", stance: nil, has: ["how_to_question"], lacks: [], rule: "question"),
        // intensifier and hedge scale; a hedged complaint stays a complaint
        Case(text: "本当に最悪です", stance: .dissatisfaction, has: [], lacks: [], rule: "intensifier"),
        Case(text: "少し古い感じがしました", stance: .dissatisfaction, has: [], lacks: [], rule: "hedge"),
        // sarcasm
        Case(text: "さすがですね、今月3回目の障害です", stance: .dissatisfaction, has: [], lacks: [], rule: "sarcasm"),
        // keigo complaint is not neutral
        Case(text: "何度もご連絡しているのですが、対応いただけず大変困惑しております", stance: .dissatisfaction, has: [], lacks: [], rule: "keigo complaint"),
        // boilerplate scores nothing
        Case(text: "お世話になっております。よろしくお願いいたします。", stance: .neutral, has: [], lacks: [], rule: "boilerplate"),
        // complaint subsided is not satisfied resolution
        Case(text: "まあ仕方ないですね", stance: nil, has: ["complaint_subsided"], lacks: ["resolved_satisfied"], rule: "subsided"),
        Case(text: "おかげさまで解決しました", stance: .success, has: ["resolved_satisfied"], lacks: ["complaint_subsided"], rule: "resolved"),
        // absence and inability
        Case(text: "エレベーターはありません", stance: .dissatisfaction, has: [], lacks: [], rule: "absence"),
        Case(text: "混雑していて露天風呂に入れませんでした", stance: .dissatisfaction, has: [], lacks: [], rule: "inability"),
        // suggestions are wishes for what was missing
        Case(text: "案内があれば良かったと思います", stance: .dissatisfaction, has: [], lacks: [], rule: "suggestion"),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) throws {
        let classifier = try BuiltInLexicon.classifier()
        let result = try classifier.classify(c.text)
        if let stance = c.stance {
            let side = result.stance == .mixed ? result.dominant : result.stance
            #expect(side == stance, "got \(result.stance) (\(result.score)) for \(c.text)")
        }
        for id in c.has { #expect(result.hasSignal(id), "missing \(id) in \(c.text)") }
        for id in c.lacks { #expect(!result.hasSignal(id), "unexpected \(id) in \(c.text)") }
    }

    @Test func conditionalSignalsAreMarked() throws {
        let result = try BuiltInLexicon.classifier().classify("改善されないなら解約します")
        let churn = try #require(result.signals.first { $0.id == "churn_intent" })
        #expect(churn.conditional)
    }

    @Test func evidenceOffsetsPointIntoTheOriginalText() throws {
        let text = "😀ＳＭＳが届きません。解約します"
        let result = try BuiltInLexicon.classifier().classify(text)
        let scalars = Array(text.unicodeScalars)
        let all = result.evidence + result.signals.flatMap(\.evidence)
        #expect(!all.isEmpty)
        for e in all {
            #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text)
            #expect(e.entry.contains(".tsv:"))
        }
    }

    @Test func labelsDoNotChangeUnderWidthVariants() throws {
        let classifier = try BuiltInLexicon.classifier()
        let pairs = [("ＣＳＶエクスポートが遅いです", "CSVエクスポートが遅いです"),
                     ("ｻﾎﾟｰﾄの対応が最悪でした", "サポートの対応が最悪でした"),
                     ("ログインできません！", "ログインできません!")]
        for (a, b) in pairs {
            let x = try classifier.classify(a), y = try classifier.classify(b)
            #expect(x.stance == y.stance && x.signals.map(\.id) == y.signals.map(\.id) && x.topic == y.topic, "\(a) vs \(b)")
        }
    }
}
