import KoeKit

/// Why `koe report` has nothing to report, in words that say what to try: the messages of
/// exit 65, kept apart from the command so that it stays a thin sequence of steps.
struct ReportInputCheck {
    /// What each input was read as (its date column among the rest).
    var layouts: [InputDescription] = []
    /// The first date value that could not be read, if any.
    var unreadableDate: String?

    /// The rating columns of the inputs, each named once.
    var ratingColumns: [String] {
        var seen: [String] = []
        for name in layouts.compactMap({ $0.mapping.first { $0.role == .rating }?.name }) where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// When no record has a usable date: which column was tried, or that none looked like one.
    func noDatedRecord(read: Int, skipped: [String: Int]) -> String {
        if read == 0 { return "no input records" }
        let reasons = skipped.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", ")
        let dateColumns = layouts.compactMap { $0.mapping.first { $0.role == .createdAt }?.name }
        if dateColumns.isEmpty {
            let tried = FieldRole.createdAt.defaultNames
            let shown = tried.prefix(12).joined(separator: ", ") + (tried.count > 12 ? ", … (koe report --help lists all)" : "")
            let has = layouts.flatMap(\.unused)
            let columns = has.isEmpty ? "" : "; the input has: " + has.prefix(20).joined(separator: ", ")
            return "no column looks like a date: tried \(shown)\(columns); name it with --date-column"
        }
        var message = "no record with a usable date (\(read) read, skipped: \(reasons)); the date column is "
            + Array(Set(dateColumns)).sorted().map { "'\($0)'" }.joined(separator: ", ")
        if let unreadableDate { message += ", holding values such as '\(unreadableDate.prefix(40))'" }
        return message + "; koe reads 2026-11-17 09:05, 2026/11/17 9:05, ISO 8601, 2026年11月17日, "
            + "2026/11/17 9:05:12 午前 GMT+9 and Unix times; name another column with --date-column"
    }

    /// When the report week holds no record: which weeks do.
    static func emptyWeek(_ week: ISOWeek, dates: [CivilDate: Int]) -> String {
        let weeks = Set(dates.keys.map { ISOWeek(containing: $0) })
        guard let first = weeks.min(), let last = weeks.max() else { return "no record in \(week)" }
        let span = first == last ? "\(first)" : "\(first) to \(last)"
        return "no record in \(week): the \(dates.values.reduce(0, +)) dated record(s) fall in \(span); pick one of those weeks with --week"
    }
}
