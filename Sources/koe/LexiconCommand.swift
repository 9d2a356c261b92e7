import ArgumentParser
import Foundation
import KoeKit

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicon files and run their examples.",
        subcommands: [Check.self, Test.self, Expand.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report lexicon problems compiler-style (file:line:col: error: …).",
            discussion: """
                With no paths, checks the built-in lexicons. Paths are layered in order over the \
                built-in lexicons (so user files may use built-in signals and topics), unless \
                --no-builtin is given. Exit status 78 when any error is found; warnings \
                (duplicates, conflicts, a signal without a report column) do not fail.
                """
        )

        @Argument(help: "Lexicon folders or .tsv files (default: the built-in lexicons).")
        var paths: [String] = []

        @Flag(help: "Do not layer the paths over the built-in lexicons.")
        var noBuiltin = false

        @Flag(name: .long, help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let (lexicon, loaded) = noBuiltin ? Lexicon.load(layers: paths) : Lexicon.loadDefault(extra: paths)
            let diagnostics = loaded + lexicon.reportRoleDiagnostics
            for d in diagnostics { Stderr.print(d.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let keys = errors == 0 ? ((try? CompiledLexicon(lexicon)).map { ", \($0.keyCount) strings indexed" } ?? "") : ""
            Stderr.print("\(lexicon.files.count) files, \(lexicon.entries.count) entries\(keys), \(lexicon.signals.count) signals, \(lexicon.topics.count) topics, \(lexicon.examples.count) examples: \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) { throw ExitStatus.badConfig }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every example line (#> TEXT => EXPECTATION) of the lexicons.",
            discussion: "Prints each failing example with what koe produced; exit status 1 when any fails."
        )

        @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
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

    struct Expand: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the strings a lexicon line (FILE:LINE) or a word class (@name) stands for.",
            discussion: """
                Expands the pattern language (alternatives, optional parts, @classes, <num>, <neg>, \
                <cannot>) into the literal strings the matcher looks for, one per line, after \
                normalisation. Parts of a pattern with gaps are printed under '--- part N'. \
                With --keys, the conjugation stems the matcher indexes are printed instead.
                Example: koe lexicon expand lexicons/ja/signals/effort.tsv:40
                """
        )

        @Argument(help: "FILE:LINE of an entry, or @name of a word class.")
        var target: String

        @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
        var lexicons: [String] = []

        @Flag(help: "Print the indexed keys (with conjugation stems) instead of the expansions.")
        var keys = false

        /// `FILE:LINE` split, or nil for `@name`.
        var fileAndLine: (String, Int)? {
            guard !target.hasPrefix("@"), let colon = target.lastIndex(of: ":"),
                let line = Int(target[target.index(after: colon)...]), line > 0
            else { return nil }
            return (String(target[..<colon]), line)
        }

        func validate() throws {
            if !target.hasPrefix("@") && fileAndLine == nil { throw ValidationError("expected FILE:LINE or @name, got '\(target)'") }
        }

        func run() throws {
            let lexicon = try loadLexicon(extra: lexicons, quiet: false)
            if target.hasPrefix("@") {
                let name = String(target.dropFirst())
                guard let wordClass = lexicon.classes[name] else {
                    Stderr.print("koe: unknown word class '\(target)'")
                    throw ExitStatus.usage
                }
                do {
                    let expansion = try PatternExpander(classes: lexicon.classes).expand(wordClass.pattern)
                    var seen: Set<String> = []
                    for s in expansion.segments.flatMap({ $0 }) where seen.insert(s).inserted { print(s) }
                } catch {
                    Stderr.print("koe: \(wordClass.location): error: \(error.message)")
                    throw ExitStatus.badConfig
                }
                return
            }
            guard let (file, line) = fileAndLine else { return }
            func sameFile(_ shown: String) -> Bool { shown == file || shown.hasSuffix("/" + file) || file.hasSuffix("/" + shown) }
            guard lexicon.files.contains(where: sameFile) else {
                Stderr.print("koe: \(file) is not one of the lexicon files loaded (add your own folder with --lexicon DIR)")
                throw ExitStatus.noInput
            }
            let matches = lexicon.entries.filter { $0.location.line == line && sameFile($0.location.file) }
            guard let entry = matches.first else {
                Stderr.print("koe: no lexicon entry at \(target) (a comment, a blank line or a line with errors)")
                throw ExitStatus.noInput
            }
            Stderr.print("\(entry.location): \(entry.pattern)  → \(matches.map { $0.targets[0].description }.joined(separator: ", "))  [\(entry.inflection.rawValue)]")
            for k in entry.segments.indices {
                if entry.segments.count > 1 {
                    print("--- part \(k + 1)" + (k > 0 ? " (at most \(entry.gaps[k - 1]) characters after part \(k))" : ""))
                }
                var seen: Set<String> = []
                for s in keys ? entry.keys(ofSegment: k) : entry.segments[k] where seen.insert(s).inserted { print(s) }
            }
        }
    }
}
