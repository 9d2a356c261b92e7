import ArgumentParser
import Foundation
import KoeKit

/// stderr messages and exit codes shared by the subcommands.
enum Stderr {
    /// A message that cannot be written (stderr closed or full) is dropped: there is nowhere
    /// left to report it, and data output must not fail because of it.
    static func print(_ message: String) {
        ProgressLine.interrupt { try? StandardStreams.write((escaped(message) + "\n").utf8, to: 2) }
    }

    /// Messages quote input text; a terminal must not act on it. Control characters (C0 but
    /// newline and tab, DEL, C1) become `\x1B`, bidirectional overrides and isolates `\u{202E}`.
    static func escaped(_ message: String) -> String {
        func needsEscape(_ v: UInt32) -> Bool {
            (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x061C || v == 0x200E
                || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
        guard message.unicodeScalars.contains(where: { needsEscape($0.value) }) else { return message }
        var out = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            guard needsEscape(scalar.value) else { out.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
            out.append(contentsOf: code.unicodeScalars)
        }
        return String(out)
    }
}

/// Help texts shared by several subcommands.
enum HelpText {
    static let lexicon: ArgumentHelp =
        "Extra lexicon folder or .tsv file layered over the built-in one, or a built-in domain pack by name (hospitality); repeatable."
    static let noCache: ArgumentHelp =
        "Neither read nor write the compiled-lexicon cache ($XDG_CACHE_HOME/koe, else ~/.cache/koe; KOE_NO_CACHE=1 does the same)."
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
    try failOnLexiconErrors(diagnostics)
    return lexicon
}

/// Prints the errors among `diagnostics` and fails with 78 when there is any.
func failOnLexiconErrors(_ diagnostics: [Diagnostic]) throws {
    let errors = diagnostics.filter { $0.severity == .error }
    for d in errors { Stderr.print("koe: \(d)") }
    if !errors.isEmpty {
        Stderr.print("koe: \(errors.count) lexicon error(s); run 'koe lexicon check' for details")
        throw ExitStatus.badConfig
    }
}
