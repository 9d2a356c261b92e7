import KoeKit

/// The fixed Japanese wording of the report, kept in one place so it can be reviewed (and one
/// day translated) without reading renderer code. None of these strings contain markup
/// characters, so both renderers may insert them as they are.
enum ReportText {
    static func title(week: ISOWeek) -> String { "週次VOCレポート \(week)" }

    // Empty states.
    static let none = "今週は該当なし"
    static let noPrevious = "比較できる前週のデータがありません"
    static let noBaseline = "比較できる過去の週（ベースライン）がないため、急増の判定は行っていません"
    static let noBaselineShort = "なし（比較できる過去の週がありません）"

    // Header.
    static let period = "期間"
    static let sources = "データソース"
    static let records = "件数"
    static let baseline = "ベースライン"
    static let lexiconVersion = "辞書バージョン"
    static let generator = "生成"
    static let read = "読み込み"
    static let inWeek = "対象週"
    static let skipped = "除外"

    // Summary.
    static let topAlert = "要注意"
    static let keyFigures = "主要指標"
    static let weeklyTotal = "今週の件数"
    static let dissatisfactionRate = "不満率"
    static let successRate = "成功率"
    static let churnAccounts = "解約リスクのアカウント"

    // Volume and stance.
    static let channel = "チャネル"
    static let thisWeek = "今週"
    static let previousWeek = "前週"
    static let change = "増減"
    static let total = "合計"
    static let week = "週"
    static let weeklyHistory = "週別の推移"
    static let dissatisfaction = "不満"
    static let success = "成功"
    static let neutral = "中立"
    static let mixed = "混在"
    static let volumeChart = "週別件数（チャネル別の積み上げ）"
    static func volumeCaption(week: ISOWeek) -> String { "網掛けは今週（\(week)）。棒の上の数字は週の合計件数。" }
    static let stanceCaption = "各週の率の分母はその週の件数（下の表）。"
    static let stanceChart = "不満率と成功率の推移"

    // Issues.
    static let rank = "順位"
    static let issue = "課題"
    static let count = "件数"
    static let share = "構成比"
    static let weekOverWeek = "前週比"
    static let trend = "推移"
    static let terms = "主な語"
    static let firstSeen = "初出"
    static let weeksActive = "出現"
    static let issueChart = "主な課題の件数（うち不満）"
    static let notDissatisfied = "不満以外"
    static let otherChannels = "その他"
    /// Top issues' shares are of every dissatisfied item of the week, grouped into an issue or not.
    static func issueDenominator(_ items: String) -> String {
        "構成比の分母は今週の不満（混在のうち不満寄りを含む）の問い合わせ \(items)で、どの課題にも入らなかったものを含みます。"
    }

    // Emerging.
    static let emergingIssues = "新規・急増の課題"
    static let newTerms = "新しく増えた語"
    static let kind = "種別"
    static let zScore = "z値"
    static let baselineMeanSD = "ベースライン（平均 ± 標準偏差）"
    static let baselineMean = "ベースライン平均"
    static let term = "語"

    // Churn risk.
    static let account = "アカウント"
    static let plan = "プラン"
    static let signals = "シグナル"
    static let conditional = "条件付き"
    static let ticketsThisWeek = "今週の件数"
    static let previousRiskWeeks = "過去のリスク週"
    static func accountCount(_ accounts: String, conditional: String) -> String {
        "\(accounts)アカウント（うち条件付き \(conditional)）"
    }
    static let noEarlierRisk = "なし"
    static let conditionalNote = "条件付き: 「〜なら解約します」のように、条件つきで示された意向です。"
    static let evidence = "根拠となる声"

    // Effort and resolution.
    static let metric = "指標"
    static let rate = "割合（件数/分母）"
    static let resolutionQuality = "満足な解決と不満の収束"
    static let satisfiedAmongClosed = "解決・収束のうち満足な解決"
    static let subsidedExplanation =
        "不満の収束（「まあ仕方ないですね」）は満足な解決（「おかげさまで解決しました」）ではありません。"
        + "収束しただけの顧客は、満足して解決した顧客より更新率がおよそ10ポイント低いとされます。"
    static let effortQuotes = "手間・解決に関する声"

    // Success.
    static let praise = "称賛"
    static let agentShoutouts = "担当者への称賛"
    static let quantifiedOutcomes = "定量的な成果"
    static let caseStudyCandidates = "事例化の候補"
    static let expansionLeads = "拡大の見込み"

    // Feature requests.
    static let request = "要望"

    // Appendix.
    static let method = "方法"
    static let signalCounts = "シグナル別件数"
    static let signalID = "ID"
    static let ruleHits = "よく当たった辞書ルール"
    static let rule = "ルール"
    static let pattern = "パターン"

    /// A lexicon pattern as shown in a report table: long pattern-language lines are cut after
    /// `limit` characters (the rule column names the line, `koe lexicon expand` shows it all).
    static func patternCell(_ pattern: String, limit: Int = 40) -> String {
        pattern.count <= limit ? pattern : String(pattern.prefix(limit)) + "…"
    }
    static let target = "対象"
    static let unclassified = "未分類のサンプル（辞書調整の候補）"
}
