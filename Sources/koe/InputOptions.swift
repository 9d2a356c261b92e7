import ArgumentParser
import KoeKit

/// Input options shared by `classify`, `report` and `columns`: files, format, encoding, and a
/// column (or JSON field) for every canonical field.
struct InputOptions: ParsableArguments {
    enum FormatChoice: String, ExpressibleByArgument, CaseIterable { case auto, text, jsonl, json, csv, tsv }

    @Argument(help: "Input files (default: stdin; '-' is stdin).")
    var files: [String] = []

    @Option(name: .customLong("input-format"), help: "text, jsonl, json (a whole document), csv, tsv, or auto: told from the content, for files and stdin alike (said on stderr).")
    var inputFormat: FormatChoice = .auto

    @Option(help: "Input encoding: auto, utf-8, cp932 (Japanese Excel), utf-16le or utf-16be (Excel 'Unicode テキスト').")
    var encoding: InputEncoding = .auto

    @Option(name: .customLong("text-field"), help: ArgumentHelp("JSON field with the text (a dotted path; implies JSON input). Default: \(Self.defaults(.text))"))
    var textField: String?

    @Option(name: .customLong("text-column"), help: ArgumentHelp("CSV/TSV column with the text (implies CSV/TSV input). Default: as --text-field."))
    var textColumn: String?

    @Option(name: [.customLong("id-column"), .customLong("id-field")], help: ArgumentHelp("Column/field with the record id. Default: \(Self.defaults(.id))"))
    var idField: String?

    @Option(name: [.customLong("subject-column"), .customLong("subject-field")], help: ArgumentHelp("Column/field with the subject. Default: \(Self.defaults(.subject))"))
    var subjectField: String?

    @Option(name: [.customLong("date-column"), .customLong("date-field")], help: ArgumentHelp("Column/field with the creation date. Default: \(Self.defaults(.createdAt))"))
    var dateField: String?

    @Option(name: [.customLong("channel-column"), .customLong("channel-field")], help: ArgumentHelp("Column/field with the channel. Default: \(Self.defaults(.channel))"))
    var channelField: String?

    @Option(name: [.customLong("account-column"), .customLong("account-field")], help: ArgumentHelp("Column/field with the account (company). Default: \(Self.defaults(.accountID))"))
    var accountField: String?

    @Option(name: [.customLong("customer-column"), .customLong("customer-field")], help: ArgumentHelp("Column/field with the customer (person). Default: \(Self.defaults(.customerID))"))
    var customerField: String?

    @Option(name: [.customLong("plan-column"), .customLong("plan-field")], help: ArgumentHelp("Column/field with the plan. Default: \(Self.defaults(.plan))"))
    var planField: String?

    @Option(name: [.customLong("status-column"), .customLong("status-field")], help: ArgumentHelp("Column/field with the status. Default: \(Self.defaults(.status))"))
    var statusField: String?

    @Option(name: [.customLong("tags-column"), .customLong("tags-field")], help: ArgumentHelp("Column/field with the tags. Default: \(Self.defaults(.tags))"))
    var tagsField: String?

    @Option(name: [.customLong("rating-column"), .customLong("rating-field")], help: ArgumentHelp("Column/field with the rating. Default: \(Self.defaults(.rating))"))
    var ratingField: String?

    /// Every default name of `role`, uncut, from the column presets. ArgumentParser builds
    /// the help texts each time it instantiates the options, so they are joined once.
    static func defaults(_ role: FieldRole) -> String {
        defaultsText[role] ?? "(column presets not found)"
    }

    private static let defaultsText: [FieldRole: String] = Dictionary(uniqueKeysWithValues: FieldRole.allCases.compactMap { role in
        let names = role.defaultNames
        return names.isEmpty ? nil : (role, names.joined(separator: ", "))
    })

    func validate() throws {
        if textField != nil && textColumn != nil {
            throw ValidationError("give --text-field (JSON) or --text-column (CSV/TSV), not both")
        }
    }

    var mapping: FieldMapping {
        FieldMapping(
            text: textField ?? textColumn, id: idField, subject: subjectField, createdAt: dateField,
            channel: channelField, accountID: accountField, customerID: customerField, plan: planField,
            status: statusField, tags: tagsField, rating: ratingField)
    }

    /// What the options imply about the format.
    var implied: InputFormat.Family? {
        textField != nil ? .json : textColumn != nil ? .table : nil
    }

    /// The inputs to read, stdin when none is given.
    var paths: [String] { files.isEmpty ? ["-"] : files }

    /// Opens one input and says on stderr what it was read as (unless `quiet`); maps input
    /// errors to exit codes (66 missing, 64 options that do not fit, 65 bad header or not
    /// text, 78 presets missing, 74 I/O) after printing them.
    func open(_ path: String, quiet: Bool, interactive: Bool = false) throws -> RecordReader {
        let format = inputFormat == .auto ? nil : InputFormat(rawValue: inputFormat.rawValue)
        do {
            let reader = try RecordReader(
                path: path, format: format, implied: implied, encoding: encoding, mapping: mapping, interactive: interactive)
            if !quiet { Stderr.print("koe: \(reader.layout.summary)") }
            Self.printDiagnostics(reader, quiet: quiet)
            return reader
        } catch let error as InputError {
            Stderr.print("koe: \(error)")
            switch error {
            case .cannotOpen: throw ExitStatus.noInput
            case .unknownField, .noTextField, .formatConflict: throw ExitStatus.usage
            case .invalidHeader, .unsupportedInput: throw ExitStatus.badData
            case .presetsUnavailable: throw ExitStatus.badConfig
            case .readFailed, .decodingFailed: throw ExitStatus.ioError
            }
        }
    }

    /// The next record, with its diagnostics printed; read failures exit 74. Static, so that
    /// the per-record loop does not copy the options.
    static func next(_ reader: RecordReader, quiet: Bool) throws -> Record? {
        do {
            let record = try reader.next()
            printDiagnostics(reader, quiet: quiet)
            return record
        } catch let error as InputError {
            Stderr.print("koe: \(error)")
            throw ExitStatus.ioError
        }
    }

    private static func printDiagnostics(_ reader: RecordReader, quiet: Bool) {
        let diagnostics = reader.takeDiagnostics()
        guard !quiet else { return }
        for d in diagnostics { Stderr.print("koe: \(d)") }
    }
}

extension InputEncoding: ExpressibleByArgument {}
