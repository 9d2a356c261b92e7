import KoeKit

/// The sections of the weekly VOC report, in the order every renderer shows them.
enum ReportSection: CaseIterable, Sendable {
    case header, summary, volume, stance, ratings, topIssues, emerging, churnRisk, effort, success
    case featureRequests, appendix

    /// The sections `report` shows: the rating section only when the input has ratings.
    static func shown(in report: WeeklyReport) -> [ReportSection] {
        allCases.filter { $0 != .ratings || report.ratings != nil }
    }

    /// The Japanese heading readers see.
    var heading: String {
        switch self {
        case .header: "基本情報"
        case .summary: "サマリー"
        case .volume: "チャネル別件数"
        case .stance: "不満・成功の推移"
        case .ratings: ReportText.ratingsHeading
        case .topIssues: "主な課題（クラスタ）"
        case .emerging: "新たな兆候"
        case .churnRisk: "解約リスク"
        case .effort: "手間と解決の質"
        case .success: "成功・称賛"
        case .featureRequests: "機能要望"
        case .appendix: "付録"
        }
    }

    /// Stable HTML anchor (ASCII, never built from report data).
    var anchor: String {
        switch self {
        case .header: "header"
        case .summary: "summary"
        case .volume: "volume"
        case .stance: "stance"
        case .ratings: "ratings"
        case .topIssues: "top-issues"
        case .emerging: "emerging"
        case .churnRisk: "churn-risk"
        case .effort: "effort"
        case .success: "success"
        case .featureRequests: "feature-requests"
        case .appendix: "appendix"
        }
    }
}
