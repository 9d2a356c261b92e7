import Foundation
import Testing
@testable import KoeKit

/// `WeekAggregate.stances` is keyed by `Stance`, but encodes and is stored by the stances'
/// names, byte for byte as when its keys were those strings.
@Suite struct WeekAggregateCodingTests {
    @Test func stancesEncodeAsTheObjectOfTheirNames() throws {
        var a = WeekAggregate(week: ISOWeek(year: 2026, week: 47)!)
        a.stances = [.dissatisfaction: 4, .success: 3, .neutral: 2, .mixed: 1]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(a), as: UTF8.self)
        #expect(json.contains(#""stances":{"dissatisfaction":4,"mixed":1,"neutral":2,"success":3}"#), "\(json)")
        #expect(try JSONDecoder().decode(WeekAggregate.self, from: Data(json.utf8)) == a)
        // The history's form: the names, and back.
        #expect(a.stanceFacet == ["dissatisfaction": 4, "success": 3, "neutral": 2, "mixed": 1])
        var b = WeekAggregate(week: ISOWeek(year: 2026, week: 47)!)
        b.stanceFacet = a.stanceFacet.merging(["unknown": 9]) { x, _ in x }
        #expect(b.stances == a.stances)
    }

    /// The week encodes as its name, as when it was a string, and a name that is no week
    /// does not decode.
    @Test func theWeekEncodesAsItsName() throws {
        let a = WeekAggregate(week: ISOWeek(year: 2026, week: 7)!)
        let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        #expect(json.contains(#""week":"2026-W07""#), "\(json)")
        #expect(try JSONDecoder().decode(WeekAggregate.self, from: Data(json.utf8)) == a)
        let bad = json.replacingOccurrences(of: "2026-W07", with: "2026-W54")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WeekAggregate.self, from: Data(bad.utf8)) }
    }
}
