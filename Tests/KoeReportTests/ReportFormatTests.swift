import Testing
@testable import KoeReport

@Test func reportFormatsAreNamedForTheCLI() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["markdown", "html", "json", "slack"])
}

@Test(arguments: [(ReportFormat.markdown, "md"), (.html, "html"), (.json, "json"), (.slack, "txt")])
func formatKnowsItsFileExtension(format: ReportFormat, fileExtension: String) {
    #expect(format.fileExtension == fileExtension)
}

@Test func formatPicksTheMatchingRenderer() {
    #expect(ReportFormat.markdown.renderer is MarkdownRenderer)
    #expect(ReportFormat.html.renderer is HTMLRenderer)
    #expect(ReportFormat.json.renderer is JSONRenderer)
    #expect(ReportFormat.slack.renderer is SlackRenderer)
}
