@testable import KoeKit

/// Report fixtures built in code: a realistic full week and a first week with nothing to
/// compare against. The nested model types have internal initialisers, hence `@testable`.
enum ReportFixtures {
    typealias R = WeeklyReport
    typealias Q = WeeklyReport.Quote

    static let weeks = (39...47).map { ISOWeek(year: 2026, week: $0)! }

    /// Quotes that must never reach a document as markup.
    static let scriptQuote = Q(id: "T-90412", text: "エラー画面に <script>alert(1)</script> と表示されてログインできません", account: "A-1042")
    static let imageQuote = Q(id: "T-90433", text: "画像の代わりに <img src=x onerror=alert(1)> という文字が出ます", account: nil)
    static let markdownQuote = Q(id: "T-90451", text: "# 至急 | 再読み込みしても *直りません* _本当に_ `500` [詳細](x)\n- 2回目の連絡です", account: "A-2210")
    static let urlQuote = Q(id: "T-90470", text: "https://example.com/login を開くと真っ白です（http://example.com/help も同じ）", account: nil)

    /// Every ticket-derived quote in the full fixture (for "only inside ticket text" checks).
    static var allQuotes: [Q] {
        let r = full
        return r.topIssues.flatMap(\.quotes) + r.emerging.issues.flatMap(\.quotes) + r.churnRisk.map(\.quote)
            + r.effort.quotes + r.success.agentShoutouts + r.success.quantifiedOutcomes + r.success.caseStudyCandidates
            + r.success.expansionLeads + r.featureRequests.flatMap(\.quotes) + r.appendix.unclassifiedSample
    }

    static var full: WeeklyReport {
        var report = WeeklyReport(
            header: R.Header(
                week: "2026-W47", periodStart: "2026-11-16", periodEnd: "2026-11-22",
                sources: ["corpora/sample/tickets.csv", "exports/zendesk_2026-11.json"],
                recordsRead: 3_412, recordsInWeek: 455, skipped: ["unreadable": 3, "no_date": 9],
                baselineWeeks: Array(weeks.dropLast()), lexiconVersion: "ja-2026.11.2", generator: "koe 0.4.0"),
            summary: [
                "不満率が31.2%に上昇（前週28.0%、+3.2pt）。主因はログイン・二段階認証の問い合わせ増（+25件）。",
                "「CSV出力の文字化け」が急増（41件、ベースライン平均14.3件、z=6.5）。",
                "iOSアプリ更新後のクラッシュが新しい課題として23件。",
            ],
            topAlert: "解約意向のあるアカウントが2件（うち1件は条件付き）。A-1042は3週連続でリスクシグナルがあります。",
            volume: volume, stance: stance, topIssues: topIssues, emerging: emerging, churnRisk: churnRisk,
            effort: effort, success: success, featureRequests: featureRequests, appendix: appendix)
        report.ratings = ratings
        return report
    }

    static var empty: WeeklyReport {
        WeeklyReport(
            header: R.Header(
                week: "2026-W47", periodStart: "2026-11-16", periodEnd: "2026-11-22", sources: ["<stdin>"],
                recordsRead: 12, recordsInWeek: 12, skipped: [:], baselineWeeks: [], lexiconVersion: "ja-2026.11.2",
                generator: "koe 0.4.0"),
            summary: [], topAlert: nil,
            volume: R.Volume(weeks: [R.WeekVolume(week: "2026-W47", total: 12, byChannel: ["email": 12])],
                             channels: [R.ChannelRow(channel: "email", count: 12, previous: nil)], total: 12, previousTotal: nil),
            stance: R.StanceTrend(
                weeks: [R.WeekStance(week: "2026-W47", total: 12, dissatisfaction: 3, success: 2, neutral: 7, mixed: 0)],
                dissatisfaction: R.Rate(count: 3, total: 12), success: R.Rate(count: 2, total: 12),
                baselineDissatisfactionShare: nil),
            topIssues: [],
            emerging: R.Emerging(issues: [], newTerms: [], note: nil),
            churnRisk: [],
            effort: R.EffortQuality(
                metrics: [("high_effort", "顧客負担"), ("repeat_contact", "再問い合わせ"), ("slow_response", "対応の遅さ"),
                          ("callback_failure", "折り返し不履行")].map { R.SignalRate(signal: $0, label: $1, rate: R.Rate(count: 0, total: 12)) },
                resolvedSatisfied: [R.SignalRate(signal: "resolved_satisfied", label: "満足な解決", rate: R.Rate(count: 0, total: 12))],
                complaintSubsided: [R.SignalRate(signal: "complaint_subsided", label: "不満の収束", rate: R.Rate(count: 0, total: 12))],
                quotes: []),
            success: R.SuccessSection(praise: R.Rate(count: 0, total: 12), agentShoutouts: [], quantifiedOutcomes: [],
                                      caseStudyCandidates: [], expansionLeads: []),
            featureRequests: [],
            appendix: R.Appendix(method: [], signalCounts: [], ruleHits: [], unclassifiedSample: []))
    }

    // MARK: - Full fixture parts

    /// NPS figures: ratings only in W46 and W47 (earlier weeks came from a history without them).
    private static func figures(rated: Int, high: Int, low: Int, sum: Int) -> R.RatingFigures {
        R.RatingFigures(
            rated: rated, low: .init(count: low, total: rated), high: .init(count: high, total: rated), sum: sum,
            score: rated > 0 ? Double(high - low) * 100 / Double(rated) : nil, mean: rated > 0 ? Double(sum) / Double(rated) : nil)
    }

    /// W47: NPS (40 − 28) / 100 = +12.0; W46: (30 − 26) / 88 = +4.5 → +7.5pt. Without c1's 20
    /// rated tickets (2 promoters, 14 detractors): (38 − 14) / 80 = +30.0, a rise of 18.0.
    static var ratings: R.Ratings {
        let w47 = R.RatingWeek(week: "2026-W47", figures: figures(rated: 100, high: 40, low: 28, sum: 720), unreadable: 2, outsideScale: 0)
        let w46 = R.RatingWeek(week: "2026-W46", figures: figures(rated: 88, high: 30, low: 26, sum: 600), unreadable: 0, outsideScale: 0)
        let earlier = weeks.dropLast(2).map { R.RatingWeek(week: $0, figures: figures(rated: 0, high: 0, low: 0, sum: 0), unreadable: 0, outsideScale: 0) }
        let c1 = figures(rated: 20, high: 2, low: 14, sum: 90)
        let c2 = figures(rated: 10, high: 3, low: 5, sum: 60)
        return R.Ratings(
            scale: .nps, scaleSource: "detected", inputRated: 188, inputUnreadable: 2, inputOutsideScale: 0,
            week: w47, previous: w46, weeks: earlier + [w46, w47],
            issues: [R.IssueRating(id: "c1", label: "ログイン・二段階認証", count: 96, figures: c1),
                     R.IssueRating(id: "c2", label: "請求金額の誤り・二重請求", count: 64, figures: c2)],
            lowering: [
                R.ScoreLift(id: "c1", label: "ログイン・二段階認証", issue: c1, without: figures(rated: 80, high: 38, low: 14, sum: 630), lift: 18),
                R.ScoreLift(id: "c2", label: "請求金額の誤り・二重請求", issue: c2, without: figures(rated: 90, high: 37, low: 23, sum: 660),
                            lift: Double(14) * 100 / 90 - 12),
            ])
    }

    /// Per-channel counts for W39…W47.
    private static let channelSeries: [(String, [Int])] = [
        ("email", [150, 148, 155, 160, 158, 162, 165, 170, 182]),
        ("chat", [95, 99, 102, 104, 110, 108, 112, 118, 121]),
        ("web_form", [70, 72, 69, 75, 74, 77, 79, 80, 78]),
        ("app_review", [40, 38, 42, 39, 41, 40, 38, 41, 52]),
        ("phone", [25, 27, 24, 26, 22, 25, 24, 23, 22]),
    ]

    static var volume: R.Volume {
        let weekly = weeks.indices.map { index in
            R.WeekVolume(week: weeks[index], total: channelSeries.reduce(0) { $0 + $1.1[index] },
                         byChannel: Dictionary(uniqueKeysWithValues: channelSeries.map { ($0.0, $0.1[index]) }))
        }
        let channels = channelSeries.map { R.ChannelRow(channel: $0.0, count: $0.1[8], previous: $0.1[7]) }
            .sorted { ($1.count, $0.channel) < ($0.count, $1.channel) }
        return R.Volume(weeks: weekly, channels: channels, total: 455, previousTotal: 432)
    }

    static var stance: R.StanceTrend {
        let dissatisfied = [101, 104, 108, 110, 109, 113, 115, 121, 142]
        let succeeded = [95, 96, 98, 101, 100, 103, 104, 104, 100]
        let mixed = [30, 31, 33, 35, 34, 36, 38, 42, 45]
        let weekly = weeks.indices.map { index in
            let total = channelSeries.reduce(0) { $0 + $1.1[index] }
            return R.WeekStance(week: weeks[index], total: total, dissatisfaction: dissatisfied[index],
                                success: succeeded[index], neutral: total - dissatisfied[index] - succeeded[index] - mixed[index],
                                mixed: mixed[index])
        }
        return R.StanceTrend(weeks: weekly, dissatisfaction: R.Rate(count: 142, total: 455, previousCount: 121, previousTotal: 432),
                             success: R.Rate(count: 100, total: 455, previousCount: 104, previousTotal: 432),
                             baselineDissatisfactionShare: 0.2753)
    }

    static var topIssues: [R.IssueRow] {
        [
            R.IssueRow(id: "c1", label: "ログイン・二段階認証", terms: ["ログイン", "二段階認証", "SMS"], count: 96, share: .init(count: 96, total: 380),
                       previous: 71, dissatisfaction: .init(count: 78, total: 96), trend: [40, 42, 38, 45, 50, 47, 55, 71, 96],
                       firstSeen: "2026-W12", weeksActive: 30,
                       quotes: [Q(id: "T-90388", text: "二段階認証のコードがSMSで届きません。もう3回目の問い合わせです。", account: "A-1042"),
                                scriptQuote, urlQuote]),
            R.IssueRow(id: "c2", label: "請求金額の誤り・二重請求", terms: ["請求", "二重", "返金"], count: 64, share: .init(count: 64, total: 380),
                       previous: 66, dissatisfaction: .init(count: 44, total: 64), trend: [52, 58, 61, 60, 63, 65, 62, 66, 64],
                       firstSeen: "2026-W03", weeksActive: 45,
                       quotes: [Q(id: "T-90402", text: "今月も二重に請求されています。返金の手続きを教えてください。", account: "A-2210"),
                                markdownQuote]),
            R.IssueRow(id: "c3", label: "CSV出力の文字化け", terms: ["CSV", "文字化け", "Excel"], count: 41, share: .init(count: 41, total: 380),
                       previous: 18, dissatisfaction: .init(count: 30, total: 41), trend: [12, 15, 11, 18, 14, 16, 10, 18, 41],
                       firstSeen: "2026-W30", weeksActive: 17,
                       quotes: [Q(id: "T-90415", text: "CSVをExcelで開くと日本語がすべて文字化けします。", account: nil), imageQuote]),
        ]
    }

    static var emerging: R.Emerging {
        R.Emerging(
            issues: [
                R.EmergingIssue(id: "c7", label: "iOSアプリ更新後のクラッシュ", count: 23, baselineMean: 0, baselineStandardDeviation: 0, zScore: nil,
                                reason: .new, quotes: [Q(id: "T-90477", text: "昨日のアップデート後、アプリを開くとすぐ落ちます。", account: nil)]),
                R.EmergingIssue(id: "c3", label: "CSV出力の文字化け", count: 41, baselineMean: 14.25, baselineStandardDeviation: 4.1, zScore: 6.524,
                                reason: .spike, quotes: []),
            ],
            newTerms: [
                R.TermRow(term: "クラッシュ", count: 25, baselineMean: 0.375),
                R.TermRow(term: "文字化け", count: 38, baselineMean: 9.625),
            ],
            note: nil)
    }

    static var churnRisk: [R.AccountRisk] {
        [
            R.AccountRisk(account: "A-1042", plan: "エンタープライズ", signals: ["churn_intent", "competitor_switch"], conditional: false,
                          tickets: 3, previousWeeksWithRisk: 2,
                          quote: Q(id: "T-90391", text: "他社サービスへの乗り換えを検討しています。来月の更新はしない予定です。", account: "A-1042")),
            R.AccountRisk(account: "A-2210", plan: "スタンダード", signals: ["churn_intent", "renewal_hesitation"], conditional: true,
                          tickets: 1, previousWeeksWithRisk: 0,
                          quote: Q(id: "T-90402", text: "次の請求でまた二重請求なら解約します。", account: "A-2210")),
        ]
    }

    static var effort: R.EffortQuality {
        R.EffortQuality(
            metrics: [
                R.SignalRate(signal: "high_effort", label: "顧客負担", rate: R.Rate(count: 56, total: 455, previousCount: 41, previousTotal: 432)),
                R.SignalRate(signal: "repeat_contact", label: "再問い合わせ", rate: R.Rate(count: 38, total: 455, previousCount: 30, previousTotal: 432)),
                R.SignalRate(signal: "slow_response", label: "対応の遅さ", rate: R.Rate(count: 27, total: 455, previousCount: 33, previousTotal: 432)),
                R.SignalRate(signal: "callback_failure", label: "折り返し不履行", rate: R.Rate(count: 9, total: 455, previousCount: 4, previousTotal: 432)),
            ],
            resolvedSatisfied: [
                R.SignalRate(signal: "resolved_satisfied", label: "満足な解決", rate: R.Rate(count: 48, total: 455, previousCount: 51, previousTotal: 432)),
            ],
            complaintSubsided: [
                R.SignalRate(signal: "complaint_subsided", label: "不満の収束", rate: R.Rate(count: 31, total: 455, previousCount: 22, previousTotal: 432)),
            ],
            quotes: [
                Q(id: "T-90399", text: "何度も同じ説明をさせられて、部署をたらい回しにされました。", account: nil),
                Q(id: "T-90420", text: "まあ仕方ないですね。もう結構です。", account: "A-3107"),
            ])
    }

    static var success: R.SuccessSection {
        R.SuccessSection(
            praise: R.Rate(count: 88, total: 455, previousCount: 92, previousTotal: 432),
            agentShoutouts: [Q(id: "T-90380", text: "サポートの佐藤さんが丁寧に対応してくださり、すぐに解決しました。", account: "A-0981")],
            quantifiedOutcomes: [Q(id: "T-90444", text: "月10時間かかっていた集計作業が2時間になりました。", account: "A-3301")],
            caseStudyCandidates: [Q(id: "T-90444", text: "導入から3か月で問い合わせ対応の工数が半分になりました。社内でも好評です。", account: "A-3301")],
            expansionLeads: [Q(id: "T-90460", text: "来期は利用部署を3部署に増やす予定です。見積もりをお願いします。", account: "A-0981")])
    }

    static var featureRequests: [R.IssueRow] {
        [
            R.IssueRow(id: "f1", label: "Slack連携", terms: ["Slack", "通知", "連携"], count: 17, share: .init(count: 17, total: 46), previous: 12,
                       dissatisfaction: .init(count: 2, total: 17), trend: [8, 9, 11, 10, 12, 13, 11, 12, 17], firstSeen: "2026-W20", weeksActive: 24,
                       quotes: [Q(id: "T-90455", text: "問い合わせの通知をSlackにも送れるようにしてほしいです。", account: "A-0981")]),
            R.IssueRow(id: "f2", label: "権限の細かい設定", terms: ["権限", "閲覧のみ"], count: 11, share: .init(count: 11, total: 46), previous: 11,
                       dissatisfaction: .init(count: 3, total: 11), trend: [9, 10, 8, 12, 11, 10, 9, 11, 11], firstSeen: "2026-W08", weeksActive: 38,
                       quotes: []),
        ]
    }

    static var appendix: R.Appendix {
        R.Appendix(
            method: [
                "辞書ルール（lexicons/ja、版 ja-2026.11.2）で全件を分類し、スタンス・シグナル・トピックを付与しました。",
                "課題は語の共起でクラスタ化し、過去の週と同一性を追跡しています。",
                "急増はベースライン（前8週）の平均と標準偏差によるz値で判定し、件数が5件未満の課題は対象外です。",
            ],
            signalCounts: [
                R.SignalCount(id: "high_effort", label: "顧客負担", count: 56, previous: 41),
                R.SignalCount(id: "repeat_contact", label: "再問い合わせ", count: 38, previous: 30),
                R.SignalCount(id: "resolved_satisfied", label: "満足な解決", count: 48, previous: 51),
                R.SignalCount(id: "churn_intent", label: "解約意向", count: 4, previous: 2),
                R.SignalCount(id: "renewal_hesitation", label: "更新の迷い", count: 3, previous: nil),
                R.SignalCount(id: "competitor_switch", label: "他社乗り換え", count: 1, previous: 0),
            ],
            ruleHits: [
                R.RuleHit(entry: "lexicons/ja/signals/effort.tsv:12", pattern: "たらい回し", target: "high_effort", count: 19),
                R.RuleHit(entry: "lexicons/ja/signals/churn.tsv:4", pattern: "解約", target: "churn_intent", count: 7),
            ],
            unclassifiedSample: [
                Q(id: "T-90466", text: "先日の件、その後いかがでしょうか。", account: nil),
                Q(id: "T-90471", text: "資料を拝見しました。", account: "A-0981"),
            ])
    }
}
