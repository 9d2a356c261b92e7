/// The rating section: the scale (given or detected), the week's score and its trend, the
/// ratings of the top issues, and the issues that lower the score most.
extension ReportBuilder {
    func ratings(_ p: Prepared, shownWeeks: [ISOWeek], topIssues: [WeeklyReport.IssueRow]) -> WeeklyReport.Ratings? {
        guard !p.ratings.isEmpty else { return nil }
        let fixed = options.ratingScale.fixed
        let scale = fixed ?? RatingScale.detect(p.ratings)
        let this = p.week
        func week(_ name: ISOWeek) -> WeeklyReport.RatingWeek {
            let counts = p.aggregates[name]?.ratings ?? RatingCounts()
            return WeeklyReport.RatingWeek(
                week: name, figures: Self.figures(counts, scale), unreadable: counts.unreadable,
                outsideScale: Self.outside(counts, scale))
        }
        let current = week(this)
        let previousName = p.week.adding(weeks: -1)
        var section = WeeklyReport.Ratings(
            scale: scale, scaleSource: fixed == nil ? "detected" : "option",
            inputRated: scale.map { s in (s.minimum...s.maximum).reduce(0) { $0 + p.ratings.byValue[$1] } } ?? 0,
            inputUnreadable: p.ratings.unreadable, inputOutsideScale: Self.outside(p.ratings, scale),
            week: current, previous: p.aggregates[previousName] == nil ? nil : week(previousName),
            weeks: shownWeeks.map(week), issues: [], lowering: [])
        guard let scale, current.figures.rated > 0 else { return section }

        let ratingByKey = Dictionary(p.current.compactMap { item in item.rating.map { (item.key, $0) } }, uniquingKeysWith: { a, _ in a })
        let live = p.issues.filter { $0.count(in: this) > 0 }
        var countsByIssue: [String: RatingCounts] = [:]
        for track in live {
            var counts = RatingCounts()
            for key in track.membersByWeek[this] ?? [] { counts.add(ratingByKey[key]) }
            countsByIssue[track.id] = counts
        }
        let tracks = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        section.issues = topIssues.compactMap { row in
            guard let counts = countsByIssue[row.id] else { return nil }
            let figures = Self.figures(counts, scale)
            return figures.rated > 0 ? WeeklyReport.IssueRating(id: row.id, label: row.label, count: row.count, figures: figures) : nil
        }
        let weekCounts = p.aggregates[this]?.ratings ?? RatingCounts()
        guard let score = current.figures.score else { return section }
        section.lowering = countsByIssue.compactMap { id, counts -> WeeklyReport.ScoreLift? in
            let issue = Self.figures(counts, scale)
            guard issue.rated > 0, let track = tracks[id] else { return nil }
            let without = Self.figures(weekCounts - counts, scale)
            guard let raised = without.score, raised - score > 0 else { return nil }
            return WeeklyReport.ScoreLift(id: id, label: masked(track.cluster.label), issue: issue, without: without, lift: raised - score)
        }
        .sorted { $0.lift != $1.lift ? $0.lift > $1.lift : issueIDPrecedes($0.id, $1.id) }
        .prefix(Self.loweringShown).map { $0 }
        return section
    }

    /// Issues listed as lowering the score.
    static let loweringShown = 5

    /// The scale's figures of `counts` (values off the scale left out).
    static func figures(_ counts: RatingCounts, _ scale: RatingScale?) -> WeeklyReport.RatingFigures {
        guard let scale else {
            return .init(rated: 0, low: .init(count: 0, total: 0), high: .init(count: 0, total: 0), sum: 0, score: nil, mean: nil)
        }
        var rated = 0, low = 0, high = 0, sum = 0
        for value in scale.minimum...scale.maximum {
            let n = counts.byValue[value]
            rated += n
            sum += n * value
            if value <= scale.lowMaximum { low += n }
            if value >= scale.highMinimum { high += n }
        }
        var score: Double?
        if rated > 0 {
            score = switch scale.kind {
            case .nps: Double(high - low) * 100 / Double(rated)
            case .five: Double(high) * 100 / Double(rated)
            }
        }
        return .init(
            rated: rated, low: .init(count: low, total: rated), high: .init(count: high, total: rated), sum: sum,
            score: score, mean: rated == 0 ? nil : Double(sum) / Double(rated))
    }

    /// Readable values that the scale does not hold.
    static func outside(_ counts: RatingCounts, _ scale: RatingScale?) -> Int {
        guard let scale else { return 0 }
        return counts.byValue.enumerated().filter { !scale.contains($0.offset) }.reduce(0) { $0 + $1.element }
    }
}
