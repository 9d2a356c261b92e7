import KoeKit

/// Plain-text figures shared by the Markdown and HTML renderers, built from numbers, `ReportText`
/// and short fields of the report (weeks, dates, reason ids). They carry no markup; renderers
/// escape them like any other text, because those fields come from data.
enum ReportFacts {
    typealias Rate = WeeklyReport.Rate

    /// `31.2%（142/455件、前週 28.0%、+3.2pt）`; without last week `…、前週 —）`.
    static func rate(_ rate: Rate) -> String {
        "\(share(rate))（\(fraction(rate.count, of: rate.total))、\(previous(rate))）"
    }

    /// `31.2%`, or `—` when the denominator is zero.
    static func share(_ rate: Rate) -> String {
        rate.total > 0 ? NumberText.percent(rate.share) : NumberText.missing
    }

    /// `前週 28.0%、+3.2pt`, or `前週 —`.
    static func previous(_ rate: Rate) -> String {
        guard let previous = rate.previousShare else { return "\(ReportText.previousWeek) —" }
        return "\(ReportText.previousWeek) \(NumberText.percent(previous))、\(rateDelta(rate))"
    }

    /// `+3.2pt`, or `—` when either week has no denominator.
    static func rateDelta(_ rate: Rate) -> String {
        guard rate.total > 0, let previous = rate.previousShare else { return NumberText.missing }
        return NumberText.pointDelta(rate.share, from: previous)
    }

    /// Whether the rate went up (1), down (−1) or stayed (0) in displayed precision; nil
    /// without last week.
    static func rateDirection(_ rate: Rate) -> Int? {
        guard rate.total > 0, let previous = rate.previousShare else { return nil }
        return (NumberText.permille(rate.share) - NumberText.permille(previous)).signum()
    }

    /// `142/455件`.
    static func fraction(_ count: Int, of total: Int) -> String {
        "\(NumberText.count(count))/\(NumberText.items(total))"
    }

    /// `25.3%（96/380件）`, the share written with its denominator.
    static func shareOf(_ count: Int, total: Int) -> String {
        guard total > 0 else { return "\(NumberText.missing)（\(fraction(count, of: total))）" }
        return "\(NumberText.percent(Double(count) / Double(total)))（\(fraction(count, of: total))）"
    }

    /// `+12（+7.1%）`, `+5（—）` when last week had none, `—` without last week.
    static func countDelta(_ count: Int, previous: Int?) -> String {
        guard let previous else { return NumberText.missing }
        return "\(NumberText.signed(count - previous))（\(NumberText.percentChange(count, from: previous))）"
    }

    /// The same change for use inside parentheses: `+12、+7.1%`.
    static func countChange(_ count: Int, previous: Int) -> String {
        let relative = NumberText.percentChange(count, from: previous)
        return NumberText.signed(count - previous) + (relative == NumberText.missing ? "" : "、" + relative)
    }

    /// `96件`, `構成比 25.3%（96/380件）`, `前週比 +25、+35.2%（前週 71件）`,
    /// `不満率 81.3%（78/96件）`, `初出 2026-W12・出現 30週`.
    static func issueFacts(_ row: WeeklyReport.IssueRow) -> [String] {
        let change = row.previous.map {
            "\(ReportText.weekOverWeek) \(countChange(row.count, previous: $0))（\(ReportText.previousWeek) \(NumberText.items($0))）"
        } ?? "\(ReportText.weekOverWeek) \(NumberText.missing)"
        return [
            NumberText.items(row.count),
            "\(ReportText.share) \(share(row.share))",
            change,
            "\(ReportText.dissatisfactionRate) \(share(row.dissatisfaction))",
            issueHistory(row),
        ]
    }

    /// `25.3%（96/380件）`, or `—（0/0件）` without a denominator.
    static func share(_ share: WeeklyReport.Share) -> String { shareOf(share.count, total: share.total) }

    /// The denominator all rows share, for the sentence that names it; nil when rows disagree
    /// (then each row's own figure still shows its denominator).
    static func commonDenominator(_ rows: [WeeklyReport.IssueRow]) -> Int? {
        guard let first = rows.first?.share.total, rows.allSatisfy({ $0.share.total == first }) else { return nil }
        return first
    }

    /// `初出 2026-W12・出現 30週`.
    static func issueHistory(_ row: WeeklyReport.IssueRow) -> String {
        "\(ReportText.firstSeen) \(row.firstSeen)・\(ReportText.weeksActive) \(row.weeksActive)週"
    }

    /// `2週`, or `なし`.
    static func previousRiskWeeks(_ weeks: Int) -> String { weeks > 0 ? "\(weeks)週" : ReportText.noEarlierRisk }

    /// `14.3 ± 4.1件/週`.
    static func baseline(mean: Double, sd: Double) -> String {
        "\(NumberText.decimal(mean, places: 1)) ± \(NumberText.decimal(sd, places: 1))件/週"
    }

    /// `z = 6.5`, or `—` for a new issue.
    static func zScore(_ z: Double?) -> String {
        guard let z else { return NumberText.missing }
        return NumberText.decimal(z, places: 1)
    }

    /// `前8週（2026-W39〜2026-W46）`.
    static func baselineWeeks(_ weeks: [ISOWeek]) -> String {
        guard let first = weeks.first, let last = weeks.last else { return ReportText.noBaselineShort }
        let span = weeks.count == 1 ? first.description : "\(first)〜\(last)"
        return "前\(weeks.count)週（\(span)）"
    }

    /// `読み込み 3,412件 ／ 対象週 455件 ／ 除外 12件（日付なし 9件、読み取り不可 3件）`.
    static func recordCounts(_ header: WeeklyReport.Header) -> String {
        let reasons = header.skipped.sorted { $0.key < $1.key }
        let skippedTotal = reasons.reduce(0) { $0 + $1.value }
        var text = "\(ReportText.read) \(NumberText.items(header.recordsRead)) ／ "
            + "\(ReportText.inWeek) \(NumberText.items(header.recordsInWeek)) ／ "
            + "\(ReportText.skipped) \(NumberText.items(skippedTotal))"
        if !reasons.isEmpty {
            let parts = reasons.map { "\(DisplayLabels.skipReason($0.key)) \(NumberText.items($0.value))" }
            text += "（\(parts.joined(separator: "、"))）"
        }
        return text
    }

    /// `2026-11-16〜2026-11-22（Asia/Tokyo、2026-W47）`.
    static func period(_ header: WeeklyReport.Header) -> String {
        "\(header.periodStart)〜\(header.periodEnd)（\(header.timezone)、\(header.week)）"
    }

    /// Block characters from the row's minimum (▁) to its maximum (█): `▂▂▁▃▄▃▅▆█`. A flat
    /// row stays at mid height.
    static func blockSparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max() else { return "" }
        guard high > low else { return String(repeating: "▄", count: values.count) }
        return String(values.map { value in
            blocks[Int((Double(value - low) / Double(high - low) * 7).rounded())]
        })
    }
}
