import Testing
@testable import KoeKit

/// Issue grouping on a small fixture of a food-delivery service: two recurring issues and
/// tickets about nothing in common. Texts written for this test.
@Suite struct IssueGroupingTests {
    static let lateDelivery = [
        "注文した料理が1時間たっても届かない。配達が遅すぎます。",
        "配達がまた遅れています。料理が冷めていました。",
        "今日も配達が遅い。予定の時刻を40分過ぎても料理が届かない。",
        "配達が遅すぎる。注文してから1時間以上待っています。",
        "配達の遅れがひどいです。料理がまだ届かない。",
    ]
    static let couponFails = [
        "クーポンが使えません。注文画面でエラーになります。",
        "初回クーポンを入力してもエラーで使えない。",
        "クーポンが使えないのですが、どうすればいいですか。",
        "割引クーポンが使えない。何度やってもエラーが出ます。",
        "クーポンが使えないので困っています。",
    ]
    static let unrelated = [
        "領収書の宛名を変更できますか。",
        "アプリの文字が小さくて読みにくいです。",
        "店舗の営業時間が間違っている。",
        "支払い方法に現金払いを追加してほしい。",
        "パスワードを忘れてしまいました。",
        "お気に入りの店が表示されなくなった。",
    ]

    static func items(prefix: String = "") throws -> [ClusterItem] {
        let classifier = try BuiltInLexicon.classifier()
        var out: [ClusterItem] = []
        for (group, texts) in [("late", lateDelivery), ("coupon", couponFails), ("other", unrelated)] {
            for (i, text) in texts.enumerated() {
                let c = try classifier.classify(text)
                out.append(ClusterItem(key: "\(prefix)\(group)-\(i)", features: try classifier.issueFeatures(of: c, text: text), text: text))
            }
        }
        return out
    }

    static func group(of key: String) -> String {
        let parts = key.split(separator: "-")
        // Unrelated tickets are each their own group.
        return parts[parts.count - 2] == "other" ? key : String(parts[parts.count - 2])
    }

    @Test func recurringIssuesAreFoundAndNothingElseJoinsThem() throws {
        let clusters = IssueClusterer().cluster(try Self.items())
        for c in clusters {
            let groups = Set(c.members.map(Self.group))
            #expect(groups.count == 1, "cluster \(c.label) mixes \(c.members)")
        }
        for name in ["late", "coupon"] {
            let best = clusters.map { $0.members.filter { Self.group(of: $0) == name }.count }.max() ?? 0
            #expect(best >= 4, "\(name): at most \(best) of 5 in one cluster: \(clusters.map(\.members))")
        }
        let clustered = Set(clusters.flatMap(\.members))
        #expect(clustered.filter { $0.hasPrefix("other") }.isEmpty, "unrelated tickets were clustered: \(clusters.map(\.members))")
    }

    @Test func aTicketWithTwoProblemsCountsForBoth() throws {
        let classifier = try BuiltInLexicon.classifier()
        let text = "配達が遅すぎます。しかもクーポンが使えない。"
        let both = ClusterItem(key: "both", features: try classifier.issueFeatures(of: try classifier.classify(text), text: text), text: text)
        let clusters = IssueClusterer().cluster(try Self.items() + [both])
        let naming = clusters.filter { $0.members.contains("both") || $0.alsoMentionedBy.contains("both") }
        #expect(Set(naming.map { Self.group(of: $0.members.first { $0 != "both" }!) }) == ["late", "coupon"],
                "\(clusters.map { ($0.label, $0.members, $0.alsoMentionedBy) })")
        #expect(naming.allSatisfy { $0.mentions == $0.size + $0.alsoMentionedBy.count })
        // Nothing else is counted twice.
        #expect(clusters.flatMap(\.alsoMentionedBy) == ["both"])
    }

    /// A spike's own feature is in more than a fifth of a small week: it must still propose
    /// pairs, or the spike's tickets only meet through other words and one ticket more or less
    /// in the week decides whether it does (the share bounds work on large inputs only).
    @Test func aFeatureOfAWholeIssueProposesPairsInASmallInput() {
        let spike = (0..<12).map { i in
            ClusterItem(key: "s\(i)", features: IssueFeatures(weights: ["p:kind:crash": 1, "w:own\(i)": 1]), text: "s\(i)")
        }
        let others = (0..<38).map { i in
            ClusterItem(key: "o\(i)", features: IssueFeatures(weights: ["w:alone\(i)": 1]), text: "o\(i)")
        }
        let clusters = IssueClusterer().cluster(spike + others)
        #expect(clusters.map(\.size) == [12])
    }

    @Test func inputOrderDoesNotMatter() throws {
        let items = try Self.items()
        let reference = IssueClusterer().cluster(items)
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<5 {
            #expect(IssueClusterer().cluster(items.shuffled(using: &generator)) == reference)
        }
    }

    @Test func labelsAreWholeWordsOrPhrasesFromTheTexts() throws {
        let items = try Self.items()
        let clusters = IssueClusterer().cluster(items)
        #expect(!clusters.isEmpty)
        for c in clusters {
            #expect(!c.label.isEmpty)
            let pieces = c.label.split(separator: "・")
            #expect(pieces.allSatisfy { $0.count >= 2 }, "label made of fragments: \(c.label)")
            if pieces.count == 1 {
                let texts = items.filter { c.members.contains($0.key) }.map(\.text)
                #expect(texts.contains { $0.contains(c.label) }, "label \(c.label) is in no member's text")
            }
            #expect(c.terms.allSatisfy { $0.count >= 2 }, "terms with fragments: \(c.terms)")
        }
    }

    @Test func quotesAreCutAroundTheIssueSentence() throws {
        let long = "いつもお世話になっております。先週から何度か利用しています。" + Self.couponFails[0] + "お手数ですがご確認ください。"
        let classifier = try BuiltInLexicon.classifier()
        let c = try classifier.classify(long)
        let item = ClusterItem(key: "x", features: try classifier.issueFeatures(of: c, text: long), text: long)
        let feature = try #require(item.features.phrases.first { $0.text.contains("クーポン") }?.feature)
        let quote = ClusterLabeler.cut(item, around: feature)
        #expect(quote.hasPrefix("…"))
        #expect(quote.hasSuffix("…"))
        #expect(quote.contains("クーポンが使えません"))
        #expect(!quote.contains("お世話"))
    }
}

extension IssueGroupingTests {
    @Test func withoutTheLabelsPhraseTheQuoteIsTheSentenceThatWeighsMostInTheCluster() throws {
        let text = "【種別】不具合の報告\n" + Self.couponFails[0]
        let classifier = try BuiltInLexicon.classifier()
        let item = ClusterItem(key: "x", features: try classifier.issueFeatures(of: try classifier.classify(text), text: text), text: text)
        #expect(item.features.phrases.count >= 2, "\(item.features.phrases.map(\.text))")
        let coupon = try #require(item.features.phrases.first { $0.text.contains("クーポン") }?.feature)
        let quote = ClusterLabeler.cut(item, around: "a:none", weight: { $0 == coupon ? 1 : 0.1 })
        #expect(quote.contains("クーポンが使えません"), "\(quote)")
        #expect(!quote.contains("種別"))
    }
}

/// What `issueFeatures` takes from a text.
@Suite struct IssueFeatureTests {
    static func features(_ text: String, subjectLength: Int = 0) throws -> IssueFeatures {
        let classifier = try BuiltInLexicon.classifier()
        return try classifier.issueFeatures(of: try classifier.classify(text), text: text, subjectLength: subjectLength)
    }

    @Test func compoundNounsAreRebuiltAndVerbStemsAreNoWords() throws {
        let f = try Self.features("認証コードのSMSが届かないのでログインできません。")
        #expect(f.words.contains("認証コード"))
        #expect(f.words.contains("sms"))
        #expect(!f.words.contains { $0.hasSuffix("届") || $0 == "届" }, "\(f.words)")
        #expect(f.phrases.contains { $0.text.hasPrefix("SMSが届かない") }, "\(f.phrases.map(\.text))")
        #expect(f.weights.keys.contains { $0.hasPrefix("a:sms>") }, "\(f.weights.keys.sorted())")
    }

    /// A compound word counts whole, and each of its tokens at half weight (so 配送ステータス and
    /// 配送 alone still meet).
    @Test func theTokensOfACompoundWeighHalfAWord() throws {
        let f = try Self.features("配送ステータスがずっと更新されません。")
        #expect(f.weights["w:配送ステータス"] == IssueFeatureWeight.word, "\(f.weights.keys.sorted())")
        #expect(f.weights["w:配送"] == IssueFeatureWeight.wordPart, "\(f.weights.keys.sorted())")
        #expect(f.weights["w:ステータス"] == IssueFeatureWeight.wordPart, "\(f.weights.keys.sorted())")
    }

    @Test func versionsAndErrorCodesAreStrongFeaturesButOrderNumbersAreNot() throws {
        let f = try Self.features("バージョン5.2.0にしてからエラーE-4012が出ます。注文番号AB-20261104-0031です。")
        #expect(f.weights["code:5.2.0"] == IssueFeatureWeight.code)
        #expect(f.weights["code:e-4012"] == IssueFeatureWeight.code)
        #expect(!f.weights.keys.contains { $0.contains("20261104") })
    }

    @Test func countersAfterNumbersAreWeakFeaturesButNoWords() throws {
        let f = try Self.features("返金の手続きから2週間たっても戻りません。3日前にも連絡しました。")
        #expect(!f.words.contains("週間") && !f.words.contains("日前"), "\(f.words)")
        #expect(f.weights["w:週間"] == nil)
        #expect(f.weights["n:週間"] != nil, "\(f.weights.keys.sorted())")
        #expect(!f.phrases.contains { $0.text.hasPrefix("週間") }, "\(f.phrases.map(\.text))")
    }

    /// The tokenizer splits 三|日 for matching; grouping keeps the word ICU made of it, as it did
    /// before the split (it is no counter feature like 3日).
    @Test func aKanjiNumeralAndItsCounterStayOneWordForGrouping() throws {
        let f = try Self.features("返金の手続きから三日たっても戻りません。")
        #expect(f.weights["w:三日"] != nil, "\(f.weights.keys.sorted())")
        #expect(f.weights["n:日"] == nil, "\(f.weights.keys.sorted())")
    }

    @Test func synonymsCountAsOneWord() throws {
        let a = try Self.features("決済の画面でエラーが出ます。")
        let b = try Self.features("支払いの画面でエラーが出ます。")
        #expect(a.weights["w:支払い"] != nil, "\(a.weights.keys.sorted())")
        #expect(a.weights["w:支払い"] == b.weights["w:支払い"])
    }

    /// One thing written two ways (a reply, a photo) is one word for grouping: the families are
    /// general words in synonyms.tsv, not one service's wording.
    @Test func replyAndPhotoWordingsCountAsOneWord() throws {
        let reply = try Self.features("問い合わせて一週間、返事がありません。")
        let reply2 = try Self.features("問い合わせて一週間、返信がありません。")
        #expect(reply.weights["w:返信"] != nil, "\(reply.weights.keys.sorted())")
        #expect(reply.weights["w:返信"] == reply2.weights["w:返信"])
        let photo = try Self.features("出品の写メが上がらない。")
        #expect(photo.weights["w:写真"] != nil, "\(photo.weights.keys.sorted())")
    }

    /// A crash worded as 即終了 is the word a crash is elsewhere (落ちる, 強制終了).
    @Test func crashWordingsCountAsOneWord() throws {
        for text in ["起動した瞬間に即終了します。", "開くと強制終了します。"] {
            let f = try Self.features(text)
            #expect(f.weights["w:クラッシュ"] != nil, "\(text): \(f.weights.keys.sorted())")
        }
    }

    @Test func greetingsWeighLessThanTheProblemSentence() throws {
        let f = try Self.features("いつもお世話になっております。山田商店です。配達が遅れています。")
        let shop = try #require(f.weights["w:山田商店"])
        let delivery = try #require(f.weights["w:" + "配送"] ?? f.weights["w:配達"])
        #expect(shop < delivery)
    }

    @Test func subjectLinesWeighLessAndNameNoIssue() throws {
        let subject = "アプリの不具合\n"
        let text = subject + "クーポンが使えません。"
        let f = try Self.features(text, subjectLength: subject.unicodeScalars.count)
        #expect(!f.phrases.contains { $0.text.contains("アプリ") })
        let plain = try Self.features(text)
        #expect((f.weights["w:アプリ"] ?? 0) < (plain.weights["w:アプリ"] ?? 0))
    }

    /// Reviews address the company running a service as 運営 as tickets say 御社: whom the
    /// customer writes to is not what is wrong, so it is no word feature (a stopword).
    @Test func theCompanyAddressedIsNoIssueWord() throws {
        let f = try Self.features("運営に何度問い合わせても返信がない。")
        #expect(f.weights["w:運営"] == nil, "\(f.weights)")
        #expect(f.weights["w:返信"] != nil, "\(f.weights)")
    }
}

/// The report groups its own week, then matches earlier weeks to those issues.
@Suite struct WeeklyIssueTests {
    static func reportItems(week: Int, day: Int, keyPrefix: String) throws -> [ReportItem] {
        let classifier = try BuiltInLexicon.classifier()
        let date = try #require(CivilDate(year: 2026, month: 11, day: day))
        #expect(ISOWeek(containing: date) == ISOWeek(year: 2026, week: week))
        var out: [ReportItem] = []
        let texts = IssueGroupingTests.lateDelivery + IssueGroupingTests.couponFails + IssueGroupingTests.unrelated
        for (i, text) in texts.enumerated() {
            let c = try classifier.classify(text)
            out.append(ReportItem(
                key: "\(keyPrefix)\(i)", date: date, channel: "chat", account: nil, plan: nil, text: text,
                classification: c, features: try classifier.issueFeatures(of: c, text: text)))
        }
        return out
    }

    static func tracks(_ items: [ReportItem]) throws -> [IssueTrack] {
        var options = ReportOptions()
        options.week = ISOWeek(year: 2026, week: 47)
        let builder = ReportBuilder(options: options, lexicon: BuiltInLexicon.loaded.lexicon)
        return try #require(builder.prepare(items: items, recordsRead: items.count, skipped: [:])).issues
    }

    @Test func theReportWeeksIssuesDoNotDependOnOtherWeeksInTheInput() throws {
        let w47 = try Self.reportItems(week: 47, day: 18, keyPrefix: "b")
        // An earlier week with the same problems and, twice over, one that is only in it.
        let w46 = try Self.reportItems(week: 46, day: 11, keyPrefix: "a")
        let extra = try Self.reportItems(week: 45, day: 4, keyPrefix: "z")
        let alone = try Self.tracks(w47)
        let together = try Self.tracks(w46 + extra + w47)
        #expect(!alone.isEmpty)
        #expect(alone.map { Set($0.membersThisWeek) } == together.map { Set($0.membersThisWeek) })
        #expect(alone.map(\.cluster.label) == together.map(\.cluster.label))
        // Earlier weeks are matched to this week's issues: the same texts count there too.
        for t in together {
            #expect(t.count(in: ISOWeek("2026-W46")!) == t.count(in: ISOWeek("2026-W47")!), "\(t.cluster.label): \(t.countsByWeek)")
            #expect(t.firstSeen == ISOWeek("2026-W45")!)
        }
    }

    @Test func anIssueOnlyInEarlierWeeksIsNotCurrent() throws {
        let w47 = try Self.reportItems(week: 47, day: 18, keyPrefix: "b").filter { !IssueGroupingTests.couponFails.contains($0.text) }
        let w46 = try Self.reportItems(week: 46, day: 11, keyPrefix: "a")
        let tracks = try Self.tracks(w46 + w47)
        #expect(!tracks.contains { t in t.cluster.quotes.contains { $0.contains("クーポン") } })
        #expect(tracks.allSatisfy { $0.count(in: ISOWeek("2026-W47")!) > 0 })
    }
}
