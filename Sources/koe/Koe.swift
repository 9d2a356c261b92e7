import ArgumentParser
import KoeKit

@main
struct Koe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koe",
        abstract: "Japanese voice-of-customer analysis: tokenize, classify, explain, report.",
        discussion: """
            Reads tickets, survey comments and reviews (text lines, JSON Lines or CSV), labels \
            every text with editable lexicon rules, and writes machine-readable results to stdout. \
            Messages and progress go to stderr.

            Exit codes: 0 ok, 1 unexpected error, 64 usage, 65 bad data (nothing could be \
            classified or reported, input that is not text; with --strict any bad record), \
            66 missing input or no record at all, 74 I/O error, 78 bad lexicon/configuration.

            Compiled lexicons are cached in $XDG_CACHE_HOME/koe (else ~/.cache/koe) and rebuilt \
            when a lexicon file, koe or ICU changes; delete the folder to clear it, and pass \
            --no-cache or set KOE_NO_CACHE=1 to bypass it.
            """,
        version: Koe.version,
        subcommands: [ClassifyCommand.self, ReportCommand.self, ColumnsCommand.self, ClusterCommand.self, ExplainCommand.self, TokenizeCommand.self, LexiconCommand.self, HistoryCommand.self]
    )

    /// ArgumentParser's `main`, plus: closed standard descriptors are reopened on /dev/null,
    /// and a failed write of data output is exit 74 with one message (not exit 1, not a trap).
    static let version = "0.1.0"

    static func main() {
        StandardStreams.ensureOpen()
        InterruptGuard.install()
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print(versionLine())
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardStreams.finishStdout()
        } catch let error as OutputError {
            ProgressLine.clear()
            exit(withError: StandardStreams.failure(error, target: "stdout"))
        } catch {
            ProgressLine.clear()
            exit(withError: error)
        }
    }

    /// `koe --version`: the program and the built-in lexicons it found (their content hash is
    /// the 辞書バージョン reports print), so an installed copy shows which lexicons it uses. The
    /// hash is taken from the files' bytes: nothing is parsed (`koe lexicon check` checks them).
    static func versionLine() -> String {
        guard let pack = LexiconLocator.builtIn(), let hash = Lexicon.version(ofLayers: [pack.path]) else {
            return "koe \(version)\nlexicons: not found (set \(LexiconLocator.environmentVariable) or install with tools/install.sh)"
        }
        return "koe \(version)\nlexicons: \(hash) \(pack.path)"
    }
}
