import Testing
@testable import KoeReport

@Suite("SVG chart helpers")
struct ChartTests {
    @Test(arguments: [(455.0, 500.0, 100.0), (12.0, 15.0, 5.0), (9.0, 10.0, 2.0), (3.0, 3.0, 1.0), (0.4, 1.0, 1.0), (34.3, 40.0, 10.0), (0.0, 1.0, 1.0)])
    func axisTicksAreWholeNumbers(max: Double, top: Double, step: Double) {
        let scale = SVG.niceScale(max: max)
        #expect(scale.top == top)
        #expect(scale.step == step)
    }

    @Test(arguments: [(12.0, "12"), (12.25, "12.3"), (-3.04, "-3"), (0.05, "0.1")])
    func coordinatesHaveAtMostOneDecimal(value: Double, expected: String) {
        #expect(SVG.num(value) == expected)
    }

    @Test func longLabelsAreTruncatedToFit() {
        let label = "とても長い課題のラベルがここに入りますがグラフには収まりません"
        let short = SVG.truncate(label, toWidth: 130, fontSize: 13)
        #expect(short.hasSuffix("…"))
        #expect(SVG.estimatedWidth(short, fontSize: 13) <= 130)
        #expect(SVG.truncate("CSV", toWidth: 130, fontSize: 13) == "CSV")
    }

    @Test func legendWrapsWhenItRunsOutOfWidth() {
        let items = (0..<12).map { ChartLegend.Item(label: "チャネル\($0)", color: SVG.color($0), style: .box) }
        #expect(ChartLegend(items: items, x: 0, maxWidth: 900).height > ChartLegend(items: Array(items.prefix(3)), x: 0, maxWidth: 900).height)
    }

    @Test func stanceLabelsSitOnOppositeSidesOfTheirPoints() throws {
        let svg = StanceChart(stance: ReportFixtures.stance, reportWeek: "2026-W47", baselineWeeks: 8).svg()
        // Report week: dissatisfaction 31.2% (higher) above its point, success 22.0% below.
        let dis = try #require(yOfText("31.2%", in: svg))
        let suc = try #require(yOfText("22.0%", in: svg))
        #expect(suc - dis > 20)
    }

    @Test func sparklineTitleCarriesTheCounts() {
        let svg = Sparkline(values: [1, 5, 3]).svg()
        #expect(svg.contains("<title>推移: 1 → 5 → 3</title>"))
        #expect(svg.contains("<polyline"))
    }

    private func yOfText(_ text: String, in svg: String) -> Double? {
        guard let end = svg.range(of: ">\(text)</text>") else { return nil }
        let head = svg[..<end.lowerBound]
        guard let start = head.range(of: "<text", options: .backwards),
              let y = head[start.upperBound...].range(of: "y=\"") else { return nil }
        return Double(head[y.upperBound...].prefix { $0 != "\"" })
    }
}
