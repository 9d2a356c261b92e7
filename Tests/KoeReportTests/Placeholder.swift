import Testing
@testable import KoeReport

@Test func reportFormatsAreNamedForTheCLI() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["markdown", "html", "json"])
}
