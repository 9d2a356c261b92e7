/// Wording of the Slack digest (`koe report --format slack`) that the full report lacks.
extension ReportText {
    static let biggestChanges = "今週の主な変化"
    static func topIssuesDigest(_ shown: Int) -> String { shown > 0 ? "主な課題（上位\(shown)件）" : "主な課題" }
    static let example = "例"
    static let evidenceShort = "根拠"
    static let thisWeekShort = "今週"
    static let fullReport = "全文レポートを開く"
    static func omitted(_ lines: Int) -> String {
        "※ Slackの文字数の上限に収めるため、\(lines)行を省略しました。全文はレポートを参照してください。"
    }
}
