import KoeKit

/// Wording of the rating section (`--rating-column`). Band names and ranges follow the
/// scale the report carries (`RatingScale`), so changed bands read right without new text.
extension ReportText {
    static let ratingsHeading = "顧客評価"
    static let ratingScale = "尺度"
    static let ratingValues = "評価の値（入力全体）"
    static let ratingDetected = "値から判定"
    static let ratingGiven = "--rating-scale で指定"
    static let rated = "評価件数"
    static let ratingTrend = "評価の推移"
    static let ratingByIssue = "主な課題の評価"
    static let ratingLowering = "スコアを最も下げている課題"
    static let scoreWithout = "除いた場合のスコア"
    static let lift = "上昇幅"
    static let mean = "平均"
    static let noRatingThisWeek = "今週は評価の付いた問い合わせがありません。"
    static let noRatedIssue = "主な課題には評価の付いた問い合わせがありません。"
    static let noLowering = "除くとスコアが上がる課題はありません。"
    static let liftExplanation =
        "上昇幅は、その課題に入った評価付きの問い合わせを今週の集計から除いたとしたら、今週のスコアが何ポイント上がるかを示します。"

    /// The digest's note on the issue that lowers the score most.
    static func mostLowering(_ label: String, lift: String) -> String { "最も下げている課題「\(label)」（除くと \(lift)）" }

    static func noReadableRating(_ unreadable: String) -> String {
        "評価の列に読み取れる値がありませんでした（読み取れない値 \(unreadable)）。--rating-column で列を確認してください。"
    }

    /// `NPS（0〜10）`, `5段階評価（1〜5）`.
    static func scaleName(_ scale: RatingScale) -> String {
        switch scale.kind {
        case .nps: "NPS（\(scale.minimum)〜\(scale.maximum)）"
        case .five: "5段階評価（\(scale.minimum)〜\(scale.maximum)）"
        }
    }

    /// The headline score's name: `NPS`, `CSAT`.
    static func scoreName(_ scale: RatingScale) -> String { scale.kind == .nps ? "NPS" : "CSAT" }

    /// `批判者（0〜6）`, `低評価（1〜2）`.
    static func lowBand(_ scale: RatingScale) -> String {
        (scale.kind == .nps ? "批判者" : "低評価") + "（\(range(scale.minimum, scale.lowMaximum))）"
    }

    /// `推奨者（9〜10）`, `満足（4〜5）`.
    static func highBand(_ scale: RatingScale) -> String {
        (scale.kind == .nps ? "推奨者" : "満足") + "（\(range(scale.highMinimum, scale.maximum))）"
    }

    /// How the score is made, one sentence.
    static func scoreDefinition(_ scale: RatingScale) -> String {
        switch scale.kind {
        case .nps:
            "NPSは推奨者（\(range(scale.highMinimum, scale.maximum))）の割合から批判者（\(range(scale.minimum, scale.lowMaximum))）の割合を引いた値（−100〜+100）です。"
        case .five:
            "CSATは評価\(range(scale.highMinimum, scale.maximum))の割合です。低評価は\(range(scale.minimum, scale.lowMaximum))です。"
        }
    }

    private static func range(_ low: Int, _ high: Int) -> String { low == high ? "\(low)" : "\(low)〜\(high)" }
}
