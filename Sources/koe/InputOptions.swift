import ArgumentParser
import KoeKit

/// Input options shared by `classify` and `report`: files, format, encoding, column mapping.
struct InputOptions: ParsableArguments {
    enum FormatChoice: String, ExpressibleByArgument, CaseIterable { case auto, text, jsonl, csv, tsv }

    @Argument(help: "Input files (default: stdin; '-' is stdin).")
    var files: [String] = []

    @Option(name: .customLong("input-format"), help: "text, jsonl, csv, tsv, or auto (by file extension).")
    var inputFormat: FormatChoice = .auto

    @Option(help: "Input encoding: auto, utf-8 or cp932 (Japanese Excel).")
    var encoding: InputEncoding = .auto

    @Option(name: [.customLong("text-field"), .customLong("text-column")], help: "Field/column with the text (JSONL: dotted path). Default: body, description_text, description, text, 本文, …")
    var textField: String?

    @Option(name: [.customLong("id-field"), .customLong("id-column")], help: "Field/column with the record id. Default: id, ticket_id, チケット番号, …")
    var idField: String?

    @Option(name: [.customLong("date-field"), .customLong("date-column")], help: "Field/column with the creation date. Default: created_at, 作成日時, 日時, …")
    var dateField: String?

    @Option(name: [.customLong("channel-field"), .customLong("channel-column")], help: "Field/column with the channel. Default: channel, via.channel, チャネル, …")
    var channelField: String?

    @Option(name: [.customLong("account-field"), .customLong("account-column")], help: "Field/column with the account. Default: account_id, organization_id, 会社ID, …")
    var accountField: String?

    var mapping: FieldMapping {
        var m = FieldMapping()
        m.text = textField
        m.id = idField
        m.createdAt = dateField
        m.channel = channelField
        m.accountID = accountField
        return m
    }

    /// The inputs to read, stdin when none is given.
    var paths: [String] { files.isEmpty ? ["-"] : files }

    /// Opens one input; maps input errors to exit codes (66 missing, 64 bad mapping, 65 bad
    /// header, 74 I/O) after printing them.
    func open(_ path: String, stdinFormat: InputFormat, quiet: Bool) throws -> RecordReader {
        let format: InputFormat = inputFormat == .auto
            ? (path == "-" ? stdinFormat : InputFormat.guess(path: path)) : InputFormat(rawValue: inputFormat.rawValue)!
        do {
            let reader = try RecordReader(path: path, format: format, encoding: encoding, mapping: mapping)
            printDiagnostics(reader, quiet: quiet)
            return reader
        } catch let error as InputError {
            Stderr.print("koe: \(error)")
            switch error {
            case .cannotOpen: throw ExitStatus.noInput
            case .unknownField, .noTextField: throw ExitStatus.usage
            case .invalidHeader: throw ExitStatus.badData
            case .readFailed, .decodingFailed: throw ExitStatus.ioError
            }
        }
    }

    /// The next record, with its diagnostics printed; read failures exit 74.
    func next(_ reader: RecordReader, quiet: Bool) throws -> Record? {
        do {
            let record = try reader.next()
            printDiagnostics(reader, quiet: quiet)
            return record
        } catch let error as InputError {
            Stderr.print("koe: \(error)")
            throw ExitStatus.ioError
        }
    }

    private func printDiagnostics(_ reader: RecordReader, quiet: Bool) {
        let diagnostics = reader.takeDiagnostics()
        guard !quiet else { return }
        for d in diagnostics { Stderr.print("koe: \(d)") }
    }
}

extension InputEncoding: ExpressibleByArgument {}
