import ArgumentParser
import Foundation
import KoeKit

/// stderr messages and exit codes shared by the subcommands.
enum Stderr {
    /// A message that cannot be written (stderr closed or full) is dropped: there is nowhere
    /// left to report it, and data output must not fail because of it.
    static func print(_ message: String) {
        try? StandardStreams.write((message + "\n").utf8, to: 2)
    }
}

/// Help texts shared by several subcommands.
enum HelpText {
    static let lexicon: ArgumentHelp =
        "Extra lexicon folder or .tsv file layered over the built-in one, or a built-in domain pack by name (hospitality); repeatable."
}

enum ExitStatus {
    static let unexpected = ExitCode(1)
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    static let noInput = ExitCode(66)
    static let ioError = ExitCode(74)
    static let badConfig = ExitCode(78)
}

/// Loads the built-in lexicon plus user layers; prints errors and fails with 78 on any error.
func loadLexicon(extra: [String], quiet: Bool, only kinds: Set<LexiconParser.FileKind>? = nil) throws -> Lexicon {
    let (lexicon, diagnostics) = Lexicon.loadDefault(extra: extra, only: kinds)
    let errors = diagnostics.filter { $0.severity == .error }
    for d in errors { Stderr.print("koe: \(d)") }
    if !errors.isEmpty {
        Stderr.print("koe: \(errors.count) lexicon error(s); run 'koe lexicon check' for details")
        throw ExitStatus.badConfig
    }
    return lexicon
}
