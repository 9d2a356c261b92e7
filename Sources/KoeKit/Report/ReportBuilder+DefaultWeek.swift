/// The report week when none is given, chosen on evidence from all dates.
extension ReportBuilder {
    /// Weeks without any record that separate stray dates from the bulk of the data.
    static let outlierGapWeeks = 8

    /// `latestCompleteWeek` of the dates that remain once trailing stray dates are set aside:
    /// a group of weeks that starts more than `outlierGapWeeks` after the data before it and
    /// holds fewer records than that data (one ticket dated 2062-11-20 among 2026's) is not
    /// the week to report. Returns the week and the dates set aside, for a warning.
    public static func defaultWeek(_ dates: [CivilDate]) -> (week: ISOWeek?, setAside: [CivilDate]) {
        defaultWeek(counts: Dictionary(dates.map { ($0, 1) }, uniquingKeysWith: +))
    }

    /// `defaultWeek` of dates given with how many records have each (`ReportCollector.dates`).
    public static func defaultWeek(counts dates: [CivilDate: Int]) -> (week: ISOWeek?, setAside: [CivilDate]) {
        var counts: [ISOWeek: Int] = [:]
        for (date, n) in dates { counts[ISOWeek(containing: date), default: 0] += n }
        var weeks = counts.keys.sorted()
        var setAside: [CivilDate: Int] = [:]
        while weeks.count > 1 {
            // The last group: weeks after the last gap of more than `outlierGapWeeks`.
            guard let split = weeks.indices.dropFirst().last(where: {
                weeks[$0 - 1].adding(weeks: outlierGapWeeks) < weeks[$0]
            }) else { break }
            let tail = weeks[split...].reduce(0) { $0 + counts[$1]! }
            let head = weeks[..<split].reduce(0) { $0 + counts[$1]! }
            guard tail < head else { break }
            let cut = weeks[split]
            for (date, n) in dates where ISOWeek(containing: date) >= cut { setAside[date] = n }
            weeks.removeSubrange(split...)
        }
        let kept = setAside.isEmpty ? dates : dates.filter { ISOWeek(containing: $0.key) <= weeks.last! }
        let aside = setAside.sorted { $0.key < $1.key }.flatMap { Array(repeating: $0.key, count: $0.value) }
        return (latestCompleteWeek(counts: kept), aside)
    }
}
