import Testing
@testable import KoeKit

/// Reading one rating value, and guessing the scale from all of them.
@Suite struct RatingScaleTests {
    @Test(arguments: [
        ("4", RatingReading.value(4, outOf: nil)), ("４", .value(4, outOf: nil)), (" 10 ", .value(10, outOf: nil)),
        ("★4", .value(4, outOf: nil)), ("星3", .value(3, outOf: nil)), ("4点", .value(4, outOf: nil)),
        ("4/5", .value(4, outOf: 5)), ("４／５", .value(4, outOf: 5)), ("9/10", .value(9, outOf: 10)),
        ("4.0", .value(4, outOf: nil)), ("★★★★☆", .value(4, outOf: 5)), ("★★", .value(2, outOf: nil)), ("0", .value(0, outOf: nil)),
        ("4.5", .unreadable), ("11", .unreadable), ("6/5", .unreadable), ("3/7", .unreadable), ("-1", .unreadable),
        ("とても良い", .unreadable), ("4 stars", .unreadable),
    ])
    func readsOneValue(raw: String, expected: RatingReading) {
        #expect(RatingReading(raw) == expected)
    }

    /// Cells of ASCII digits take a shortcut: it must read them as the general path does.
    @Test func digitCellsReadAsTheGeneralPathReadsThem() {
        var cells: [String] = []
        for n in 0..<1000 { cells += [String(n), "0" + String(n), "00" + String(n)] }
        cells += ["", " 4", "4 ", "0x1", "1e1", "+4", "4.", "٤", "10000"]
        for raw in cells {
            #expect(RatingReading(raw) == RatingReading.general(raw), "\(raw)")
        }
    }

    @Test func blankIsNoRating() {
        #expect(RatingReading(nil) == nil)
        #expect(RatingReading("") == nil)
        #expect(RatingReading(" \u{3000}") == nil)
    }

    static func counts(_ values: [String]) -> RatingCounts {
        var counts = RatingCounts()
        for v in values { counts.add(RatingReading(v)) }
        return counts
    }

    @Test func detectsTheScale() {
        // 1–5 only: five-point.
        #expect(RatingScale.detect(Self.counts(["1", "5", "3", "★4"])) == .five)
        // A 0, or any value above 5: NPS.
        #expect(RatingScale.detect(Self.counts(["1", "5", "0"])) == .nps)
        #expect(RatingScale.detect(Self.counts(["1", "5", "6"])) == .nps)
        // Low values written out of ten: NPS; out of five: five-point.
        #expect(RatingScale.detect(Self.counts(["3/10", "4/10", "2"])) == .nps)
        #expect(RatingScale.detect(Self.counts(["3/5", "4/10", "2/5"])) == .five)
        // Nothing readable: no scale, the unreadable values still counted.
        let unreadable = Self.counts(["良い", "4.5", ""])
        #expect(RatingScale.detect(unreadable) == nil)
        #expect(unreadable.unreadable == 2)
        #expect(!unreadable.isEmpty)
    }

    @Test func historyFacetRoundTrips() {
        let counts = Self.counts(["0", "10", "10", "x", "5"])
        #expect(counts.facet == ["0": 1, "10": 2, "5": 1, "unreadable": 1])
        var back = RatingCounts()
        back.facet = counts.facet
        #expect(back.byValue == counts.byValue)
        #expect(back.unreadable == 1)
    }
}
