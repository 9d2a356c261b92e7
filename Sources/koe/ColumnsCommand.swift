import ArgumentParser
import KoeKit

/// `koe columns FILE`: how an input would be read — format, encoding, which column or JSON
/// field feeds each field and which are not used — without classifying anything.
struct ColumnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "Show how an input is read: its format, and which column feeds which field.",
        discussion: """
            Takes the same input options as classify and report, so a mapping can be tried
            before a run: koe columns export.csv --date-column 受付日. Default names come from
            lexicons/input/columns.tsv (koe classify --help lists them).
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        var text = ""
        for path in input.paths {
            let reader = try input.open(path, quiet: true)
            text += Self.render(reader.layout)
        }
        try StandardStreams.writeStdout(text)
    }

    static func render(_ layout: InputDescription) -> String {
        var head = "\(layout.source): \(layout.format.displayName)"
        var details = [layout.detail].filter { !$0.isEmpty && $0 != layout.format.displayName }
        details.append(layout.encoding.displayName)
        head += " (" + details.joined(separator: ", ") + ")"
        var lines = [head]
        if layout.format != .text {
            let width = FieldRole.allCases.map(\.rawValue.count).max() ?? 0
            for role in FieldRole.allCases {
                let name = role.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let source = layout.mapping.first { $0.role == role }.map { "← \($0.name)" } ?? "-"
                lines.append("  \(name)  \(source)")
            }
            lines.append("  not used: " + (layout.unused.isEmpty ? "-" : layout.unused.joined(separator: ", ")))
        }
        lines += layout.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
