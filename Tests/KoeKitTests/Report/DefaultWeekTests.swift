import Testing
@testable import KoeKit

@Suite struct DefaultWeekTests {
    static func dates(_ texts: [String]) -> [CivilDate] {
        texts.map { t in
            let p = t.split(separator: "-").map { Int($0)! }
            return CivilDate(year: p[0], month: p[1], day: p[2])!
        }
    }

    @Test func strayFutureDatesAreSetAside() {
        let all = Self.dates(["2026-11-16", "2026-11-18", "2026-11-22", "2062-11-20", "2063-01-01"])
        let (week, aside) = ReportBuilder.defaultWeek(all)
        #expect(week?.description == "2026-W47")
        #expect(aside == Self.dates(["2062-11-20", "2063-01-01"]))
    }

    @Test func aBigRecentBatchAfterAGapIsKept() {
        let all = Self.dates(["2025-01-06"] + Array(repeating: "2026-11-22", count: 3))
        let (week, aside) = ReportBuilder.defaultWeek(all)
        #expect(week?.description == "2026-W47")
        #expect(aside.isEmpty)
    }
}
