import KoeKit

/// Japanese display names for ids that appear in the report (signals, channels, reasons).
///
/// Signal labels come first from the report itself (`appendix.signalCounts`, which carries the
/// lexicon's labels), then from a small built-in table; an unknown id is shown as it is.
struct DisplayLabels: Sendable {
    private let signals: [String: String]

    init(report: WeeklyReport) {
        var labels = Self.fallbackSignals
        for row in report.appendix.signalCounts where !row.label.isEmpty {
            labels[row.id] = row.label
        }
        signals = labels
    }

    func signal(_ id: String) -> String { signals[id] ?? id }

    static func channel(_ id: String) -> String { channels[id] ?? id }

    static func skipReason(_ id: String) -> String { skipReasons[id] ?? id }

    static func emergingReason(_ id: String) -> String {
        switch id {
        case "new": "新規"
        case "spike": "急増"
        default: id
        }
    }

    /// Mirrors `lexicons/ja/signals.tsv` for the signals the risk and effort sections name.
    private static let fallbackSignals: [String: String] = [
        "callback_failure": "折り返し不履行",
        "churn_intent": "解約意向",
        "competitor_switch": "他社乗り換え",
        "contraction_intent": "縮小意向",
        "high_effort": "顧客負担",
        "public_escalation_threat": "公開・外部申し立ての示唆",
        "renewal_hesitation": "更新の迷い",
        "repeat_contact": "再問い合わせ",
        "silent_churn_hint": "サイレント離反の兆し",
        "slow_response": "対応の遅さ",
        "trouble_experience": "トラブル体験",
    ]

    private static let channels: [String: String] = [
        "api": "API",
        "app_review": "アプリレビュー",
        "chat": "チャット",
        "email": "メール",
        "phone": "電話",
        "review": "レビュー",
        "sns": "SNS",
        "social": "SNS",
        "survey": "アンケート",
        "voice": "電話",
        "web": "Web",
        "web_form": "Webフォーム",
    ]

    private static let skipReasons: [String: String] = [
        "no_date": "日付なし",
        "outside_period": "対象期間外",
        "unreadable": "読み取り不可",
    ]
}
