import ArgumentParser
import Foundation
import KoeKit

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label every record: stance, VOC signals with evidence, topic.",
        discussion: """
            Reads text lines (default), JSON Lines or CSV/TSV from FILEs or stdin and writes one
            result per input record, in input order. A record that cannot be read becomes an
            object with "error" — never silence. Summary counts go to stderr.

            JSON fields: id (input id, else the 1-based record number), stance
            (dissatisfaction|success|neutral|mixed), dominant (the heavier side; null when
            neutral), score (net; > 0 leans success), topic, signals [{id, family, strength,
            conditional, evidence}], evidence (polarity matches) — each evidence has text,
            start/end (Unicode scalar offsets into the text, end exclusive), entry (lexicon
            file:line), pattern, contribution and rules; text (unless --no-text); fields (with
            --keep-fields).

            Examples:
              cat tickets.jsonl | koe classify --input-format jsonl --text-field body
              koe classify --text-column 本文 --encoding cp932 export.csv
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tsv }

    @OptionGroup var input: InputOptions

    @Option(name: [.short, .long], help: "Output format: jsonl, csv or tsv.")
    var format: OutputFormat = .jsonl

    @Flag(help: "Pass the input's fields through under \"fields\".")
    var keepFields = false

    @Flag(help: "Do not echo the classified text in the output.")
    var noText = false

    @OptionGroup var engine: EngineOptions

    @Flag(help: "Exit with 65 when any record had an error or invalid bytes.")
    var strict = false

    @Flag(name: [.short, .long], help: "No warnings or summary on stderr.")
    var quiet = false

    func run() throws {
        let (_, pool) = try engine.load(quiet: quiet)
        let writer = ByteWriter()
        let renderer = ClassificationRenderer(format: format, includeText: !noText, keepFields: keepFields)
        var summary = ClassifySummary()
        let buffers = BufferRecycler()
        if let header = renderer.header { writer.append(header); try writer.endLine() }
        for path in input.paths {
            let reader = try input.open(path, quiet: quiet)
            // One job: small batches, so that the output buffer stays in cache next to ICU's
            // dictionary. More jobs: larger batches, so that the workers seldom wait.
            let batchSize = pool.jobs == 1 ? 256 : 1024 * pool.jobs
            try pool.pipeline(
                next: {
                    var batch: [Record] = []
                    batch.reserveCapacity(batchSize)
                    while batch.count < batchSize, let record = try input.next(reader, quiet: quiet) {
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
                })
        }
        try writer.flush()
        if !quiet { Stderr.print("koe: \(summary)") }
        if strict && (summary.errors > 0 || summary.repaired > 0) { throw ExitStatus.badData }
    }
}

/// Counts for the stderr summary line.
struct ClassifySummary: CustomStringConvertible, Sendable {
    var records = 0, errors = 0, repaired = 0
    /// Per stance, in `Stance.allCases` order.
    var stances = [Int](repeating: 0, count: Stance.allCases.count)

    mutating func count(_ stance: Stance?) {
        records += 1
        if let stance { stances[Stance.allCases.firstIndex(of: stance)!] += 1 } else { errors += 1 }
    }

    mutating func add(_ other: ClassifySummary) {
        records += other.records
        errors += other.errors
        repaired += other.repaired
        for k in stances.indices { stances[k] += other.stances[k] }
    }

    var description: String {
        let parts = zip(Stance.allCases, stances).map { "\($1) \($0.rawValue)" }.joined(separator: ", ")
        return "\(records) records: \(parts); \(errors) errors; \(repaired) with repaired input"
    }
}
