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

    @Flag(help: "Pass the input's fields through under \"fields\".")
    var keepFields = false

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
        if format == nil { _ = try OutputFormatInference.classify(path: output) }
    }

    func run() throws {
        let (_, pool) = try engine.load(quiet: quiet)
        let format = try self.format ?? OutputFormatInference.classify(path: output) ?? .jsonl
        let toFile = output.map { $0 != "-" } ?? false
        // A file is written whole at the end, so that an existing one is replaced atomically.
        let writer = toFile ? ByteWriter.collecting() : ByteWriter()
        let renderer = ClassificationRenderer(format: format, includeText: !noText, keepFields: keepFields)
        var summary = ClassifySummary()
        let buffers = BufferRecycler()
        if let header = renderer.header { writer.append(header); try writer.endLine() }
        // Someone typing (or a program feeding one record at a time) gets each answer at once;
        // a pipe keeps the batches that make classification fast.
        let flushEachBatch = unbuffered || isatty(0) == 1 || isatty(1) == 1
        for path in input.paths {
            let interactive = unbuffered || (path == "-" && isatty(0) == 1)
            let reader = try input.open(path, quiet: quiet, interactive: interactive)
            // One job: small batches, so that the output buffer stays in cache next to ICU's
            // dictionary. More jobs: larger batches, so that the workers seldom wait.
            let batchSize = interactive ? 1 : pool.jobs == 1 ? 256 : 1024 * pool.jobs
            try pool.pipeline(
                prefetch: !interactive,
                next: {
                    var batch: [Record] = []
                    batch.reserveCapacity(batchSize)
                    while batch.count < batchSize, let record = try InputOptions.next(reader, quiet: quiet) {
                        if !record.warnings.isEmpty { summary.repaired += 1 }
                        batch.append(consume record)
                    }
                    return batch.isEmpty ? nil : batch
                },
                transform: { classifier, records in renderer.render(records, with: classifier, into: buffers.take()) },
                consume: { rendered in
                    for slice in rendered {
                        summary.add(slice.summary)
                        try slice.bytes.withBytes { try writer.appendLines($0) }
                        buffers.give(slice.bytes)
                    }
                    if flushEachBatch { try writer.flush() }
                })
        }
        try writer.flush()
        if toFile, let output {
            do { try OutputFile.write(writer.take(), to: output) } catch { throw StandardStreams.failure(error, target: output) }
        }
        if !quiet { Stderr.print("koe: \(summary)") }
        if let failure = summary.failure {
            Stderr.print("koe: error: \(failure.message)")
            throw ExitCode(failure.status)
        }
        if strict && (summary.errors > 0 || summary.repaired > 0) { throw ExitStatus.badData }
    }
}
