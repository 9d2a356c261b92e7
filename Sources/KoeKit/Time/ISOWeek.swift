/// An ISO 8601 week (Monday start), written `2026-W47`.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeks(inYear: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week containing `date`.
    public init(containing date: CivilDate) {
        let thursday = date.adding(days: 4 - date.weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)!
        year = thursday.year
        week = (thursday.dayNumber - jan1.dayNumber) / 7 + 1
    }

    /// Parses `2026-W47` (also `2026W47`, lower-case `w`).
    public init?(_ text: String) {
        let parts = text.uppercased().replacingOccurrences(of: "-W", with: "W").split(separator: "W")
        guard parts.count == 2, let y = Int(parts[0]), let w = Int(parts[1]), parts[0].count == 4 else { return nil }
        self.init(year: y, week: w)
    }

    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.weekday + (week - 1) * 7)
    }

    public var sunday: CivilDate { monday.adding(days: 6) }

    public func adding(weeks: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * weeks)) }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    static func weeks(inYear year: Int) -> Int {
        ISOWeek(containing: CivilDate(year: year, month: 12, day: 28)!).week
    }
}

/// A week is encoded as its name (`2026-W47`), as when weeks were strings.
extension ISOWeek: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let week = ISOWeek(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO week: \(text)")
        }
        self = week
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
