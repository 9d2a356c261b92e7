/// The report week when none is given, chosen on evidence from all dates.
extension ReportBuilder {
    /// Weeks without any record that separate stray dates from the bulk of the data.
    static let outlierGapWeeks = 8

    /// `latestCompleteWeek` of the dates that remain once trailing stray dates are set aside:
    /// a group of weeks that starts more than `outlierGapWeeks` after the data before it and
    /// holds fewer records than that data (one ticket dated 2062-11-20 among 2026's) is not
    /// the week to report. Returns the week and the dates set aside, for a warning.
    public static func defaultWeek(_ dates: [CivilDate]) -> (week: ISOWeek?, setAside: [CivilDate]) {
        var counts: [ISOWeek: Int] = [:]
        for date in dates { counts[ISOWeek(containing: date), default: 0] += 1 }
        var weeks = counts.keys.sorted()
        var setAside: [CivilDate] = []
        while weeks.count > 1 {
            // The last group: weeks after the last gap of more than `outlierGapWeeks`.
            guard let split = weeks.indices.dropFirst().last(where: {
                weeks[$0 - 1].adding(weeks: outlierGapWeeks) < weeks[$0]
            }) else { break }
            let tail = weeks[split...].reduce(0) { $0 + counts[$1]! }
            let head = weeks[..<split].reduce(0) { $0 + counts[$1]! }
            guard tail < head else { break }
            let cut = weeks[split]
            setAside += dates.filter { ISOWeek(containing: $0) >= cut }
            weeks.removeSubrange(split...)
        }
        let kept = setAside.isEmpty ? dates : dates.filter { ISOWeek(containing: $0) <= weeks.last! }
        return (latestCompleteWeek(kept), setAside.sorted())
    }
}
