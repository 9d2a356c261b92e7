import Foundation
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

    /// Google Forms (午前/午後, GMT offsets), AM/PM, and Unix times (Intercom): Tokyo date and minute.
    @Test(arguments: [
        ("2026/11/17 9:05:12 午前 GMT+9", "2026-11-17", 9 * 60 + 5),
        ("2026/11/17 9:05:12 午後 GMT+9", "2026-11-17", 21 * 60 + 5),
        ("2026/11/17 12:30:00 午前 GMT+9", "2026-11-17", 30),
        ("2026/11/17 12:30:00 午後 GMT+09:00", "2026-11-17", 12 * 60 + 30),
        ("2026/11/17 午後 3:00", "2026-11-17", 15 * 60),
        ("2026-11-17 11:59 PM", "2026-11-17", 23 * 60 + 59),
        ("2026/11/17 1:00:00 午前 GMT", "2026-11-17", 10 * 60),
        ("2026/11/16 11:00:00 午後 GMT-1", "2026-11-17", 9 * 60),
        ("1794877500", "2026-11-17", 10 * 60 + 5),
        ("1794877500000", "2026-11-17", 10 * 60 + 5),
    ])
    func readsFormsAndUnixTimes(text: String, date: String, minute: Int) {
        let t = TicketTimestamp.tokyo(text)
        #expect(t?.date.description == date, "\(text)")
        #expect(t?.minute == minute, "\(text)")
    }

    @Test(arguments: ["", "不明", "2026-13-01", "2026-02-30", "yesterday", "2026-11-16 25:00", "16/11/2026",
                      "2026/11/17 13:00 午後", "2026/11/17 0:10 AM", "176334150", "12345678901"])
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

    /// The byte-level reading of `2026-11-16 09:05:00` and its shorter forms gives what the
    /// general parser gives, valid or not (days past a month's end, hour 24, minute 60, years
    /// before 1900, leap days), and is taken for every value of that form.
    @Test func plainFormReadsAsTheGeneralParserDoes() {
        var rng = SeededGenerator(seed: 13)
        var checked = 0
        for _ in 0..<4000 {
            let y = [1899, 1900, 1970, 2024, 2026, 2100].randomElement(using: &rng)!
            let mo = Int.random(in: 0...13, using: &rng), d = Int.random(in: 0...32, using: &rng)
            let h = Int.random(in: 0...25, using: &rng), mi = Int.random(in: 0...61, using: &rng)
            let date = "\(y)-" + String(format: "%02d-%02d", mo, d)
            let time = String(format: "%02d:%02d", h, mi)
            for text in [date, date + " " + time, date + "T" + time, date + " " + time + String(format: ":%02d", mi)] {
                #expect(TicketTimestamp.plainTokyo(text) != nil, "\(text)")
                let fast = TicketTimestamp.tokyo(text), slow = TicketTimestamp.parsed(text)
                #expect(fast?.date == slow?.date && fast?.minute == slow?.minute, "\(text)")
                if slow != nil { checked += 1 }
            }
        }
        #expect(checked > 1000)
        // Other forms are left to the general parser.
        for text in [
            " 2026-11-16", "2026-11-16t09:05", "2026-11/16 9:05", "2026-11-16 09:05+0900", "2026-11-16 9:5", "2026-11-16 09:05 +09:00",
            "2026-11-16 09:05:00.5", "2026-11-16 09:05z", "2026-11-16  09:05", "2026/11/16 9:05 午後", "02026-11-16",
        ] {
            #expect(TicketTimestamp.plainTokyo(text) == nil, "\(text)")
        }
    }

    /// The byte-level reading of the other common forms (`2026/11/16 9:05`, one-digit month,
    /// day and hour, `Z` and `±HH:MM` offsets) gives what the general parser gives, valid or not,
    /// and is taken for every value of those forms.
    @Test func slashedAndOffsetFormsReadAsTheGeneralParserDoes() {
        var rng = SeededGenerator(seed: 29)
        var checked = 0, shifted = 0
        for _ in 0..<3000 {
            let y = [1899, 1900, 2024, 2026, 2100].randomElement(using: &rng)!
            let mo = Int.random(in: 0...13, using: &rng), d = Int.random(in: 0...32, using: &rng)
            let h = Int.random(in: 0...25, using: &rng), mi = Int.random(in: 0...61, using: &rng)
            let oh = Int.random(in: 0...14, using: &rng), om = [0, 30, 45, 61].randomElement(using: &rng)!
            let separator = Bool.random(using: &rng) ? "/" : "-"
            let date = "\(y)\(separator)\(mo)\(separator)" + String(format: "%02d", d)
            let time = "\(h):" + String(format: "%02d", mi)
            let zone = String(format: "%02d:%02d", oh, om)
            for text in [date, date + " " + time, date + "T" + time + ":07", date + "T" + time + "Z", date + "T" + time + ":00+" + zone, date + " " + time + "-" + zone] {
                #expect(TicketTimestamp.plainTokyo(text) != nil, "\(text)")
                let fast = TicketTimestamp.tokyo(text), slow = TicketTimestamp.parsed(text)
                #expect(fast?.date == slow?.date && fast?.minute == slow?.minute, "\(text)")
                if slow != nil { checked += 1 }
                if let fast, let naive = TicketTimestamp.parsed(String(text.prefix { $0 != "Z" && $0 != "+" })), fast.minute != naive.minute { shifted += 1 }
            }
        }
        #expect(checked > 1000 && shifted > 100)
    }
}
