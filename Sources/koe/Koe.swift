import ArgumentParser
import KoeKit

@main
struct Koe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koe",
        abstract: "Japanese voice-of-customer analysis: tokenize, classify, explain, report.",
        discussion: """
            Reads tickets, survey comments and reviews (text lines, JSON Lines or CSV), labels
            every text with editable lexicon rules, and writes machine-readable results to stdout.
            Messages and progress go to stderr.

            Exit codes: 0 ok, 1 unexpected error, 64 usage, 65 bad data (nothing could be
            classified or reported, input that is not text; with --strict any bad record),
            66 missing input or no record at all, 74 I/O error, 78 bad lexicon/configuration.
            """,
        version: "0.1.0",
        subcommands: [ClassifyCommand.self, ReportCommand.self, ColumnsCommand.self, ClusterCommand.self, ExplainCommand.self, TokenizeCommand.self, LexiconCommand.self, HistoryCommand.self]
    )

    /// ArgumentParser's `main`, plus: closed standard descriptors are reopened on /dev/null,
    /// and a failed write of data output is exit 74 with one message (not exit 1, not a trap).
    static func main() {
        StandardStreams.ensureOpen()
        InterruptGuard.install()
        do {
            var command = try parseAsRoot()
            try command.run()
            try StandardStreams.finishStdout()
        } catch let error as OutputError {
            exit(withError: StandardStreams.failure(error, target: "stdout"))
        } catch {
            exit(withError: error)
        }
    }
}
