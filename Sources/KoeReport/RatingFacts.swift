import KoeKit

/// Plain-text figures of the rating section, shared by the Markdown, HTML and Slack
/// renderers (which escape them): scores with the counts they come from.
enum RatingFacts {
    typealias Figures = WeeklyReport.RatingFigures

    /// `+12.3` (NPS, points) or `65.2%` (CSAT); `—` without a rated ticket.
    static func score(_ f: Figures, _ scale: RatingScale) -> String {
        guard let score = f.score else { return NumberText.missing }
        switch scale.kind {
        case .nps:
            // In tenths of a point, the unit `scoreChange` rounds to.
            let tenths = NumberText.permille(score / 100)
            let sign = tenths > 0 ? "+" : tenths < 0 ? NumberText.minus : "±"
            return sign + NumberText.decimal(Double(abs(tenths)) / 10, places: 1)
        case .five:
            return NumberText.percent(score / 100)
        }
    }

    /// `+7.3pt`, from the displayed scores; `—` when either week has none.
    static func scoreChange(_ f: Figures, from previous: Figures?) -> String {
        guard let now = f.score, let before = previous?.score else { return NumberText.missing }
        return NumberText.pointDelta(now / 100, from: before / 100)
    }

    /// `3.62（333/92）`, or `—`.
    static func mean(_ f: Figures) -> String {
        guard let mean = f.mean else { return NumberText.missing }
        return "\(NumberText.decimal(mean, places: 2))（\(NumberText.count(f.sum))/\(NumberText.count(f.rated))）"
    }

    /// `NPS +12.3（推奨者（9〜10） 40.0%（40/100件） − 批判者（0〜6） 27.7%（…））`;
    /// `CSAT 65.2%（60/92件）・低評価（1〜2） 21.7%（20/92件）・平均 3.62（333/92）`.
    static func headline(_ f: Figures, _ scale: RatingScale) -> String {
        let name = ReportText.scoreName(scale) + " " + score(f, scale)
        let high = "\(ReportText.highBand(scale)) \(ReportFacts.share(f.high))"
        let low = "\(ReportText.lowBand(scale)) \(ReportFacts.share(f.low))"
        switch scale.kind {
        case .nps: return "\(name)（\(high) − \(low)）・\(ReportText.mean) \(mean(f))"
        case .five: return "\(name)（\(ReportFacts.fraction(f.high.count, of: f.rated))）・\(low)・\(ReportText.mean) \(mean(f))"
        }
    }

    /// The score with the counts it comes from: `+5.0（評価件数 88件）` (NPS: the bands show
    /// in their own columns) or `42.6%（29/68件）` (CSAT).
    static func scoreWithCounts(_ f: Figures, _ scale: RatingScale) -> String {
        switch scale.kind {
        case .nps: "\(score(f, scale))（\(ReportText.rated) \(NumberText.items(f.rated))）"
        case .five: ReportFacts.share(f.high)
        }
    }

    /// Last week's score and the change: `+5.0（評価件数 88件）、+7.3pt`, or `—`.
    static func previous(_ r: WeeklyReport.Ratings, _ scale: RatingScale) -> String {
        guard let previous = r.previous, previous.figures.score != nil else { return NumberText.missing }
        return "\(scoreWithCounts(previous.figures, scale))、"
            + scoreChange(r.week.figures, from: previous.figures)
    }

    /// The trend's weeks from the first one with a rating value (earlier weeks, e.g. from a
    /// history kept before ratings were read, would only show dashes).
    static func trendWeeks(_ r: WeeklyReport.Ratings) -> [WeeklyReport.RatingWeek] {
        Array(r.weeks.drop { $0.figures.rated == 0 && $0.unreadable == 0 && $0.outsideScale == 0 })
    }

    /// Table columns of a set of figures: NPS, promoters, detractors, mean; or CSAT, low
    /// ratings, mean.
    static func columns(_ scale: RatingScale) -> [String] {
        switch scale.kind {
        case .nps: [ReportText.scoreName(scale), ReportText.highBand(scale), ReportText.lowBand(scale), ReportText.mean]
        case .five: [ReportText.scoreName(scale) + "・" + ReportText.highBand(scale), ReportText.lowBand(scale), ReportText.mean]
        }
    }

    /// The cells under `columns`, each share with its counts.
    static func cells(_ f: Figures, _ scale: RatingScale) -> [String] {
        switch scale.kind {
        case .nps: [score(f, scale), ReportFacts.share(f.high), ReportFacts.share(f.low), mean(f)]
        case .five: [ReportFacts.share(f.high), ReportFacts.share(f.low), mean(f)]
        }
    }

    /// `NPS（0〜10）・値から判定`.
    static func scale(_ r: WeeklyReport.Ratings, _ scale: RatingScale) -> String {
        ReportText.scaleName(scale) + "・" + (r.scaleSource == "option" ? ReportText.ratingGiven : ReportText.ratingDetected)
    }

    /// `評価あり 726件 ／ 読み取れない値 3件 ／ 尺度外 0件`.
    static func inputCounts(_ r: WeeklyReport.Ratings) -> String {
        "評価あり \(NumberText.items(r.inputRated)) ／ 読み取れない値 \(NumberText.items(r.inputUnreadable)) ／ 尺度外 \(NumberText.items(r.inputOutsideScale))"
    }

    /// The week's unreadable and off-scale values, when there are any: `今週の読み取れない値 2件`.
    static func weekExceptions(_ w: WeeklyReport.RatingWeek) -> String? {
        var parts: [String] = []
        if w.unreadable > 0 { parts.append("今週の読み取れない値 \(NumberText.items(w.unreadable))") }
        if w.outsideScale > 0 { parts.append("今週の尺度外の値 \(NumberText.items(w.outsideScale))") }
        return parts.isEmpty ? nil : parts.joined(separator: "、")
    }

    /// `+4.2pt`.
    static func lift(_ l: WeeklyReport.ScoreLift) -> String { NumberText.signedDecimal(l.lift, places: 1) + "pt" }

    /// The Slack line: `CSAT 41.0%（32/78件）・低評価（1〜2） 46.2%（36/78件）・前週比 −1.6pt・
    /// 最も下げている課題「…」（除くと +3.4pt）`.
    static func digest(_ r: WeeklyReport.Ratings, _ scale: RatingScale) -> String {
        let f = r.week.figures
        let low = "\(ReportText.lowBand(scale)) \(ReportFacts.share(f.low))"
        var line = switch scale.kind {
        case .nps: "NPS \(score(f, scale))（\(ReportText.highBand(scale)) \(ReportFacts.fraction(f.high.count, of: f.rated))・"
            + "\(ReportText.lowBand(scale)) \(ReportFacts.fraction(f.low.count, of: f.rated))）"
        case .five: "CSAT \(ReportFacts.share(f.high))・\(low)"
        }
        line += "・\(ReportText.weekOverWeek) \(scoreChange(f, from: r.previous?.figures))"
        if let top = r.lowering.first { line += "・" + ReportText.mostLowering(top.label, lift: lift(top)) }
        return line
    }
}
