import Foundation
@testable import KoeKit

/// The repository's lexicons, loaded once for all classification tests.
enum BuiltInLexicon {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lexicons/ja").path

    static let loaded: (lexicon: Lexicon, diagnostics: [Diagnostic]) = Lexicon.load(layers: [directory])

    static let compiled: CompiledLexicon = {
        do { return try CompiledLexicon(loaded.lexicon) } catch { preconditionFailure("cannot compile lexicon: \(error)") }
    }()

    static func classifier() throws -> Classifier { try Classifier(lexicon: compiled) }
}
