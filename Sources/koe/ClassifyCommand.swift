#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import KoeKit

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label every record: stance, VOC signals with evidence, topic.",
        discussion: """
            Reads text lines, JSON Lines, a whole JSON document or CSV/TSV from FILEs or stdin \
            (told from the content and said on stderr) and writes one result per input record, \
            in input order. A record that cannot be read becomes an object with "error", a blank \
            text one with "skipped" — never silence. Summary counts go to stderr; a run where no \
            record could be classified exits 65 (66 with no record at all).

            JSON fields: id (input id, else the 1-based record number), stance \
            (dissatisfaction|success|neutral|mixed), dominant (the heavier side; null when \
            neutral), score (net; > 0 leans success), topic, signals [{id, family, strength, \
            conditional, evidence}], evidence (polarity matches) — each evidence has text, \
            start/end (Unicode scalar offsets into the text, end exclusive), entry (lexicon \
            file:line), pattern, contribution and rules; text (unless --no-text); fields (with \
            --keep-fields).

            Examples:
              cat tickets.jsonl | koe classify --text-field body
              koe classify --text-column 本文 --encoding cp932 export.csv
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tsv }

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: "Output format: jsonl, csv or tsv (default: from the -o file's extension, else jsonl).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: "Write the results to this file (default: stdout); .jsonl, .json, .csv or .tsv sets the format.")
    var output: String?

    @Flag(help: "Pass the input's fields through: under \"fields\" in JSON Lines; as extra columns after koe's own in CSV/TSV (the first record's columns, in input order; one named like a koe column becomes input_NAME).")
    var keepFields = false

    /// The character encoding of CSV/TSV output.
    enum OutputEncoding: String, ExpressibleByArgument, CaseIterable {
        case utf8 = "utf-8", cp932
    }

    @Option(help: "CSV/TSV output encoding: utf-8 or cp932 (Japanese Excel's default; characters CP932 cannot hold are written as 〓 and counted on stderr). --encoding names the input's.")
    var outputEncoding: OutputEncoding = .utf8

    @Flag(help: "Start CSV/TSV output with a UTF-8 byte-order mark, so Excel opens it as UTF-8.")
    var bom = false

    @Flag(help: "Do not echo the classified text in the output.")
    var noText = false

    @OptionGroup var engine: EngineOptions

    @Flag(help: "Write each result as soon as its record has been read (the default when stdin is a terminal; with a terminal on stdout results are flushed batch by batch).")
    var unbuffered = false

    @Flag(help: "Exit with 65 when any record had an error or invalid bytes.")
    var strict = false

    @Flag(name: [.short, .long], help: "No warnings or summary on stderr.")
    var quiet = false

    func validate() throws {
        let format = try self.format ?? OutputFormatInference.classify(path: output) ?? .jsonl
        if format == .jsonl, bom || outputEncoding != .utf8 {
            throw ValidationError("--bom and --output-encoding are for CSV/TSV output (-f csv or -f tsv); JSON Lines is always UTF-8 without a BOM")
        }
        if bom, outputEncoding == .cp932 {
            throw ValidationError("--bom marks UTF-8; CP932 has no byte-order mark (leave out --bom, or use --output-encoding utf-8)")
        }
    }

    func run() throws {
        let (_, pool) = try engine.load(quiet: quiet)
        let format = try self.format ?? OutputFormatInference.classify(path: output) ?? .jsonl
        let toFile = output.map { $0 != "-" } ?? false
        // A file is written whole at the end, so that an existing one is replaced atomically.
        let writer = toFile ? ByteWriter.collecting() : ByteWriter()
        var renderer = ClassificationRenderer(format: format, includeText: !noText, keepFields: keepFields)
        renderer.cp932 = outputEncoding == .cp932
        var summary = ClassifySummary()
        let buffers = BufferRecycler()
        // CSV/TSV with --keep-fields: the header waits for the first record, whose fields
        // name the extra columns.
        var headerPending = format != .jsonl
        let columnsFromFirstRecord = keepFields && format != .jsonl
        func writeHeader() throws {
            guard headerPending, let header = renderer.header else { return }
            headerPending = false
            if bom { writer.append("\u{FEFF}") }
            if renderer.cp932 {
                let encoded = ByteBuffer()
                var replaced = CP932Encoder.Replacements()
                var text = header
                text.withUTF8 { CP932Encoder.shared.encode($0, into: encoded, replacements: &replaced) }
                summary.unencodable.add(replaced)
                encoded.withBytes { writer.append($0) }
            } else {
                writer.append(header)
            }
            try writer.endLine()
        }
        if !columnsFromFirstRecord { try writeHeader() }
        // Someone typing (or a program feeding one record at a time) gets each answer at once;
        // a pipe keeps the batches that make classification fast.
        let flushEachBatch = unbuffered || isatty(0) == 1 || isatty(1) == 1
        // Someone typing sees each answer; progress is for files and pipes.
        let typing = input.paths.contains("-") && isatty(0) == 1
        let progress = Progress(enabled: !quiet && !typing && !unbuffered, paths: input.paths)
        var read = 0
        let resultsOnTerminal = !toFile && isatty(1) == 1
        for path in input.paths {
            let interactive = unbuffered || (path == "-" && isatty(0) == 1)
            let reader = try input.open(path, quiet: quiet, interactive: interactive)
            var pending: Record?
            if columnsFromFirstRecord && headerPending {
                guard let first = try InputOptions.next(reader, quiet: quiet) else { continue }
                renderer.keptColumns = keptColumns(first)
                try writeHeader()
                pending = consume first
            }
            let renderer = renderer
            // One job: small batches, so that the output buffer stays in cache next to ICU's
            // dictionary. More jobs: larger batches, so that the workers seldom wait.
            let batchSize = interactive ? 1 : pool.jobs == 1 ? 256 : 1024 * pool.jobs
            try pool.pipeline(
                prefetch: !interactive,
                next: {
                    var batch: [Record] = []
                    batch.reserveCapacity(batchSize)
                    if let record = pending.take() {
                        if !record.warnings.isEmpty { summary.repaired += 1 }
                        batch.append(record)
                    }
                    while batch.count < batchSize, let record = try InputOptions.next(reader, quiet: quiet) {
                        if !record.warnings.isEmpty { summary.repaired += 1 }
                        batch.append(consume record)
                    }
                    guard !batch.isEmpty else { return nil }
                    read += batch.count
                    progress.update(records: read, reader: reader)
                    return batch
                },
                transform: { classifier, records in renderer.render(records, with: classifier, into: buffers.take()) },
                consume: { rendered in
                    func write() throws {
                        for slice in rendered {
                            summary.add(slice.summary)
                            try slice.bytes.withBytes { try writer.appendLines($0) }
                            buffers.give(slice.bytes)
                        }
                        if flushEachBatch { try writer.flush() }
                    }
                    // Results on the terminal go above the progress line, never onto it.
                    if resultsOnTerminal { try ProgressLine.interrupt(write) } else { try write() }
                })
            progress.finished(reader)
        }
        progress.finish()
        try writeHeader()
        try writer.flush()
        if toFile, let output {
            do { try OutputFile.write(writer.take(), to: output) } catch { throw StandardStreams.failure(error, target: output) }
        }
        if !quiet {
            if summary.unplacedFields > 0 {
                Stderr.print("koe: warning: --keep-fields: \(summary.unplacedFields) field value(s) had no column in the \(format.rawValue.uppercased()) header, whose input columns are the first record's (the first: '\(summary.firstUnplaced ?? "")'); -f jsonl --keep-fields keeps every field")
            }
            if summary.unencodable.count > 0 {
                let first = summary.unencodable.first.map { " (the first: U+\(String($0.value, radix: 16, uppercase: true)) '\(Character($0))')" } ?? ""
                Stderr.print("koe: warning: \(summary.unencodable.count) character(s) that CP932 cannot hold were written as \(CP932Encoder.replacement)\(first); --output-encoding utf-8 --bom keeps every character and opens in Excel too")
            }
            Stderr.print("koe: \(summary)")
        }
        if let failure = summary.failure {
            Stderr.print("koe: error: \(failure.message)")
            throw ExitCode(failure.status)
        }
        if strict && (summary.errors > 0 || summary.repaired > 0) { throw ExitStatus.badData }
    }

    /// The `--keep-fields` columns of CSV/TSV output, from the first record; renames and an
    /// input without fields are said on stderr.
    private func keptColumns(_ first: borrowing Record) -> KeptColumns {
        let columns = KeptColumns(fields: first.fields, ownColumns: ClassificationRenderer.ownColumns(includeText: !noText))
        if !quiet {
            if first.fields.isEmpty {
                Stderr.print("koe: note: --keep-fields: the first record has no named fields (plain text lines?); no input columns added")
            }
            let own = Set(ClassificationRenderer.ownColumns(includeText: !noText))
            for (name, header) in columns.renamed {
                let why = own.contains(name) ? "koe's own '\(name)' comes first" : "an earlier input column has that name"
                Stderr.print("koe: note: --keep-fields: input column '\(name)' is written as '\(header)' (\(why))")
            }
        }
        return columns
    }
}
