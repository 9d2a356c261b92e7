import Testing
@testable import KoeKit

@Suite struct TicketTimestampTests {
    @Test(arguments: [
        // Sunday 23:59 vs Monday 00:00 in Tokyo.
        ("2026-11-22 23:59:00", "2026-W47"),
        ("2026-11-23 00:00:00", "2026-W48"),
        ("2026/11/16 9:05", "2026-W47"),
        ("2026-11-16", "2026-W47"),
        ("2026年11月16日 9時5分", "2026-W47"),
        // Offsets: 2026-11-22T15:00Z is Monday 00:00 in Tokyo; 14:59Z still Sunday.
        ("2026-11-22T15:00:00Z", "2026-W48"),
        ("2026-11-22T14:59:59Z", "2026-W47"),
        ("2026-11-23T00:30:00+09:00", "2026-W48"),
        ("2026-11-22T23:30:00-01:00", "2026-W48"),
        // ISO week-year edges.
        ("2026-01-01", "2026-W01"),
        ("2027-01-01", "2026-W53"),
        ("2024-12-30", "2025-W01"),
    ])
    func placesTimestampsInTokyoISOWeeks(text: String, week: String) {
        #expect(TicketTimestamp.week(text)?.description == week, "\(text)")
    }

    @Test(arguments: ["", "不明", "2026-13-01", "2026-02-30", "yesterday", "2026-11-16 25:00", "16/11/2026"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(TicketTimestamp.week(text) == nil, "\(text)")
    }

    @Test func weekArithmeticRoundTrips() throws {
        let w = try #require(ISOWeek("2026-W47"))
        #expect(w.monday.description == "2026-11-16")
        #expect(w.sunday.description == "2026-11-22")
        #expect(w.adding(weeks: -1).description == "2026-W46")
        #expect(w.adding(weeks: 7).description == "2027-W01")
        #expect(ISOWeek("2026w5")?.description == "2026-W05")
        #expect(ISOWeek("2026-W54") == nil)
        for day in 0..<1500 {
            let d = CivilDate(dayNumber: 20_000 + day)
            #expect(CivilDate(dayNumber: d.dayNumber) == d)
            #expect(ISOWeek(containing: d).monday <= d && d <= ISOWeek(containing: d).sunday)
        }
    }
}
