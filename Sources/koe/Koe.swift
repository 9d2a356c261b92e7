import ArgumentParser

@main
struct Koe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "koe",
        abstract: "Japanese voice-of-customer analysis: tokenize, classify, explain, report.",
        discussion: """
            Reads tickets, survey comments and reviews (text lines, JSON Lines or CSV), labels
            every text with editable lexicon rules, and writes machine-readable results to stdout.
            Messages and progress go to stderr.

            Exit codes: 0 ok, 1 unexpected error, 64 usage, 65 bad data (with --strict),
            66 missing input, 74 I/O error, 78 bad lexicon/configuration.
            """,
        version: "0.1.0",
        subcommands: [ClassifyCommand.self, ReportCommand.self, ClusterCommand.self, ExplainCommand.self, TokenizeCommand.self, LexiconCommand.self, HistoryCommand.self]
    )
}
