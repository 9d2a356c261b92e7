import Testing
@testable import KoeReport

@Test func reportFormatsAreNamedForTheCLI() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["markdown", "html", "json"])
}

@Test(arguments: [(ReportFormat.markdown, "md"), (.html, "html"), (.json, "json")])
func formatKnowsItsFileExtension(format: ReportFormat, fileExtension: String) {
    #expect(format.fileExtension == fileExtension)
}

@Test func formatPicksTheMatchingRenderer() {
    #expect(ReportFormat.markdown.renderer is MarkdownRenderer)
    #expect(ReportFormat.html.renderer is HTMLRenderer)
    #expect(ReportFormat.json.renderer is JSONRenderer)
}
