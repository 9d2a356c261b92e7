import ArgumentParser
import Foundation
import KoeKit

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicon files and run their examples.",
        subcommands: [Check.self, Test.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report lexicon problems compiler-style (file:line:col: error: …).",
            discussion: """
                With no paths, checks the built-in lexicons. Paths are layered in order over the
                built-in lexicons (so user files may use built-in signals and topics), unless
                --no-builtin is given. Exit status 78 when any error is found; warnings
                (duplicates, conflicts) do not fail.
                """
        )

        @Argument(help: "Lexicon folders or .tsv files (default: the built-in lexicons).")
        var paths: [String] = []

        @Flag(help: "Do not layer the paths over the built-in lexicons.")
        var noBuiltin = false

        @Flag(name: .long, help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let (lexicon, diagnostics) = noBuiltin ? Lexicon.load(layers: paths) : Lexicon.loadDefault(extra: paths)
            for d in diagnostics { Stderr.print(d.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            Stderr.print("\(lexicon.files.count) files, \(lexicon.entries.count) entries, \(lexicon.signals.count) signals, \(lexicon.topics.count) topics, \(lexicon.examples.count) examples: \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) { throw ExitStatus.badConfig }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every example line (#> TEXT => EXPECTATION) of the lexicons.",
            discussion: "Prints each failing example with what koe produced; exit status 1 when any fails."
        )

        @Option(name: .customLong("lexicon"), help: "Extra lexicon folder or file layered over the built-in one (repeatable).")
        var lexicons: [String] = []

        @Flag(name: [.short, .long], help: "Print only the summary.")
        var quiet = false

        func run() throws {
            let lexicon = try loadLexicon(extra: lexicons, quiet: false)
            let runner = ExampleRunner(classifier: try Classifier(lexicon: CompiledLexicon(lexicon)))
            var failed = 0
            for example in lexicon.examples {
                if let failure = try runner.check(example) {
                    failed += 1
                    if !quiet { print(failure.description) }
                }
            }
            let passed = lexicon.examples.count - failed
            print("lexicon examples: \(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode.failure }
        }
    }
}
