import Foundation
import Testing
@testable import KoeKit

/// `WeekAggregate.stances` is keyed by `Stance`, but encodes and is stored by the stances'
/// names, byte for byte as when its keys were those strings.
@Suite struct WeekAggregateCodingTests {
    @Test func stancesEncodeAsTheObjectOfTheirNames() throws {
        var a = WeekAggregate(week: "2026-W47")
        a.stances = [.dissatisfaction: 4, .success: 3, .neutral: 2, .mixed: 1]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(a), as: UTF8.self)
        #expect(json.contains(#""stances":{"dissatisfaction":4,"mixed":1,"neutral":2,"success":3}"#), "\(json)")
        #expect(try JSONDecoder().decode(WeekAggregate.self, from: Data(json.utf8)) == a)
        // The history's form: the names, and back.
        #expect(a.stanceFacet == ["dissatisfaction": 4, "success": 3, "neutral": 2, "mixed": 1])
        var b = WeekAggregate(week: "2026-W47")
        b.stanceFacet = a.stanceFacet.merging(["unknown": 9]) { x, _ in x }
        #expect(b.stances == a.stances)
    }
}
