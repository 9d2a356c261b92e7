import Testing
@testable import KoeKit

/// Every `#> TEXT => EXPECTATION` line of every lexicon file is a test case.
@Suite struct LexiconExampleTests {
    @Test func builtInLexiconsHaveNoErrors() {
        let errors = BuiltInLexicon.loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(BuiltInLexicon.loaded.lexicon.examples.count >= 300)
        #expect(BuiltInLexicon.loaded.lexicon.entries.count >= 5000)
    }

    @Test(arguments: BuiltInLexicon.loaded.lexicon.examples.map { ExampleCase($0) })
    func example(_ c: ExampleCase) throws {
        let runner = ExampleRunner(classifier: try BuiltInLexicon.classifier())
        let failure = try runner.check(c.example)
        #expect(failure == nil, "\(failure?.description ?? "")")
    }
}

/// Wraps an example so the test report names it by its file:line and text.
struct ExampleCase: CustomTestStringConvertible, Sendable {
    let example: LexiconExample
    init(_ example: LexiconExample) { self.example = example }
    var testDescription: String { "\(example.location) \(example.text)" }
}
