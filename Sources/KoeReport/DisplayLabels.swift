import KoeKit

/// Japanese display names for ids that appear in the report (signals, channels, reasons).
///
/// Signal labels come only from the lexicon (`signals.tsv`), through the report itself
/// (`appendix.signalCounts` carries the label of every signal seen this week or last); an id
/// without one is shown as it is.
struct DisplayLabels: Sendable {
    private let signals: [String: String]

    init(report: WeeklyReport) {
        var labels: [String: String] = [:]
        for row in report.appendix.signalCounts where !row.label.isEmpty {
            labels[row.id] = row.label
        }
        signals = labels
    }

    func signal(_ id: String) -> String { signals[id] ?? id }

    static func channel(_ id: String) -> String { channels[id] ?? id }

    static func skipReason(_ id: String) -> String { skipReasons[id] ?? id }

    static func emergingReason(_ reason: EmergingReason) -> String {
        switch reason {
        case .new: "新規"
        case .spike: "急増"
        }
    }

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
