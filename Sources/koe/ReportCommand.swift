import ArgumentParser
import Foundation
import KoeHistory
import KoeKit
import KoeReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the weekly VOC report (Markdown, self-contained HTML, JSON, or a Slack digest).",
        discussion: """
            Reads tickets (CSV/TSV/JSON Lines with a creation date), classifies them, groups \
            recurring issues and writes the report for one ISO week (Monday start, Asia/Tokyo; \
            dates without a time zone are Tokyo time). Earlier weeks in the input are the \
            baseline. Records without a usable date are counted in the header, never dropped \
            silently. Quotes and account ids mask e-mail addresses, phone numbers, postal codes \
            and card, My Number and other long numbers unless --no-mask is given (the README \
            lists every form).

            Examples:
              koe report corpora/sample/tickets.csv --week 2026-W47 -o voc-2026-W47.md
              koe report tickets.jsonl --format html -o voc.html
              koe report tickets.csv --format json | jq .top_issues
              koe report tickets.csv -f slack --report-url https://example.com/r.html
              koe report tickets.csv -f html --ticket-url 'https://t.example/{id}'
              koe report survey.csv --rating-column 推奨度 --rating-scale nps
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "ISO week to report, e.g. 2026-W47 (default: the latest complete week in the data).")
    var week: String?

    @Option(name: [.short, .long], help: "Output format: markdown, html, json or slack (a short digest in Slack mrkdwn) (default: from the -o file's extension, else markdown).")
    var format: ReportFormat?

    @Option(help: ArgumentHelp("Link ticket ids (in HTML, Markdown and the Slack digest) to this http(s) address; {id} stands for the ticket id, percent-encoded.", valueName: "url-template"))
    var ticketURL: String?

    @Option(help: ArgumentHelp("With --format slack: end the digest with a link to the full report at this http(s) address.", valueName: "url"))
    var reportURL: String?

    @Option(name: [.short, .long], help: "Write the report to this file (default: stdout); .md, .html or .json sets the format.")
    var output: String?

    @Option(help: "Keep a history of weekly runs in this SQLite file: earlier weeks come from it when the input lacks them, issues keep their ids across weeks, and once the report is written every week of the input up to the report week is saved (replacing earlier saves of those weeks).")
    var db: String?

    @Flag(help: "Same as --db \(HistoryLocation.defaultPath).")
    var history = false

    @Option(help: ArgumentHelp("Scale of the ratings (--rating-column): nps (0–10), five (stars or CSAT, 1–5) or auto (guessed from the values and announced on stderr).", valueName: "scale"))
    var ratingScale: RatingScaleChoice = .auto

    @Flag(help: "Do not mask personal data in quotes and account ids.")
    var noMask = false

    @OptionGroup var engine: EngineOptions

    @Flag(name: [.short, .long], help: "No warnings or progress on stderr.")
    var quiet = false

    func validate() throws {
        if let week, ISOWeek(week) == nil { throw ValidationError("--week must look like 2026-W47, got '\(week)'") }
        if format == nil { _ = try OutputFormatInference.report(path: output) }
        _ = try links()
    }

    /// `--ticket-url` and `--report-url`, checked (a usage error, exit 64, when not http(s)).
    private func links() throws -> ReportLinks {
        var links = ReportLinks()
        if let ticketURL {
            do { links.ticket = try TicketLinkTemplate(ticketURL) } catch {
                throw ValidationError("--ticket-url '\(ticketURL)' \(error); give an http(s) address with {id}, e.g. 'https://example.zendesk.com/agent/tickets/{id}'")
            }
        }
        if let reportURL {
            do { links.fullReport = try WebURL(reportURL) } catch {
                throw ValidationError("--report-url '\(reportURL)' \(error); give the http(s) address of the full report")
            }
            if let url = links.fullReport, !SlackRenderer.hasRoom(forLinkTo: url) {
                throw ValidationError("--report-url is too long for a Slack message once escaped (\(reportURL.count) characters); give a shorter address")
            }
        }
        return links
    }

    func run() throws {
        let (lexicon, pool) = try engine.load(quiet: quiet)
        var check = ReportInputCheck()
        var options = ReportOptions()
        options.week = week.flatMap(ISOWeek.init)
        options.maskPII = !noMask
        options.ratingScale = ratingScale
        options.sources = input.paths.map { $0 == "-" ? "<stdin>" : $0 }
        options.generator = "koe \(Koe.configuration.version)"
        let builder = ReportBuilder(options: options, lexicon: lexicon)
        var collector = ReportCollector(builder: builder)
        let (read, skipped) = try classifyAll(pool, into: &collector, grouping: builder.groupingSignals, check: &check)
        var chosenWeek: ISOWeek?
        if options.week == nil {
            let (chosen, setAside) = ReportBuilder.defaultWeek(counts: collector.dates)
            if !setAside.isEmpty {
                chosenWeek = chosen
                if !quiet {
                    let shown = setAside.prefix(3).map(\.description).joined(separator: ", ") + (setAside.count > 3 ? ", …" : "")
                    Stderr.print("koe: warning: \(setAside.count) record(s) dated far after the rest (\(shown)) do not choose the report week; pass --week to report them")
                }
            }
        }
        let dates = collector.dates
        let session = try (db ?? (history ? HistoryLocation.defaultPath : nil)).map(ReportHistorySession.open)
        let built: ReportRun?
        do {
            built = try builder.build(consume collector, week: chosenWeek, recordsRead: read, skipped: skipped, history: session?.store)
        } catch {
            session?.discard()
            Stderr.print(HistoryLocation.message(error, path: session?.path ?? ""))
            throw ExitStatus.ioError
        }
        guard let run = built else {
            session?.discard()
            Stderr.print("koe: error: " + check.noDatedRecord(read: read, skipped: skipped))
            throw ExitStatus.badData
        }
        // A week without one record makes an empty report: say why instead of writing it.
        if run.report.header.recordsInWeek == 0 {
            let week = run.report.header.week
            session?.discard()
            Stderr.print("koe: error: " + ReportInputCheck.emptyWeek(week, dates: dates))
            throw ExitStatus.badData
        }
        ProgressLine.clear()
        let report = run.report
        if !quiet, let line = RatingAnnouncement.line(report.ratings, columns: check.ratingColumns) { Stderr.print(line) }
        let format = try self.format ?? OutputFormatInference.report(path: output) ?? .markdown
        if reportURL != nil, format != .slack, !quiet {
            Stderr.print("koe: warning: --report-url is used by --format slack only; ignored for \(format.rawValue)")
        }
        if ticketURL != nil, format == .json, !quiet {
            Stderr.print("koe: warning: --ticket-url links ids in HTML, Markdown and the Slack digest; JSON keeps the plain ids")
        }
        do {
            try write(try format.renderer(links: links()).render(report))
        } catch {
            session?.discard()
            throw error
        }
        // Only a report that was written is remembered.
        try session?.save(run.weeks)
        if !quiet {
            Stderr.print("koe: report \(report.header.week): \(report.header.recordsInWeek) records in the week, \(read) read, skipped \(skipped.isEmpty ? "none" : skipped.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", "))")
        }
    }

    /// Reads and classifies every input record on all cores into `collector`; returns the
    /// records read and the skipped ones by reason. Batches are classified while the calling
    /// thread reads the next one and adds the previous one to the collector (the order of
    /// the input is kept).
    private func classifyAll(
        _ pool: ClassifierPool, into collector: inout ReportCollector, grouping: Set<String>, check: inout ReportInputCheck
    ) throws -> (Int, [String: Int]) {
        var skipped: [String: Int] = [:]
        var read = 0
        let progress = Progress(enabled: !quiet, paths: input.paths)
        let batchSize = 1024 * max(2, pool.jobs)
        for path in input.paths {
            let reader = try input.open(path, quiet: quiet)
            check.layouts.append(reader.layout)
            try pool.pipeline(
                next: {
                    var batch: [Record] = []
                    batch.reserveCapacity(batchSize)
                    while batch.count < batchSize, let record = try InputOptions.next(reader, quiet: quiet) {
                        batch.append(consume record)
                    }
                    guard !batch.isEmpty else { return nil }
                    read += batch.count
                    progress.update(records: read, reader: reader)
                    return batch
                },
                transform: { classifier, records in records.map { ReportOutcome(classifier, $0, grouping: grouping) } },
                consume: { slices in
                    for slice in slices {
                        for outcome in slice {
                            if check.unreadableDate == nil, let date = outcome.unreadableDate { check.unreadableDate = date }
                            if let item = outcome.item { collector.add(item) }
                            if let reason = outcome.skipped { skipped[reason, default: 0] += 1 }
                        }
                    }
                })
            progress.finished(reader)
        }
        progress.status("building the report")
        return (read, skipped)
    }

    private func write(_ text: String) throws {
        guard let output, output != "-" else { return try StandardStreams.writeStdout(text) }
        do {
            try OutputFile.write(Array(text.utf8), to: output)
        } catch {
            throw StandardStreams.failure(error, target: output)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// What became of one input record of `koe report`, worked out on a worker thread.
private struct ReportOutcome {
    var item: ReportItem?
    /// Why the record is not in the report (a key of `skipped`).
    var skipped: String?
    /// The record's creation date when it is set but cannot be read.
    var unreadableDate: String?

    init(_ classifier: Classifier, _ record: Record, grouping: Set<String>) {
        // Nothing to classify is not a neutral record: counted apart, as blank_text.
        // (Subject and text are blank together when each is: no string is joined to know.)
        if record.error == nil && ClassificationRenderer.isBlank(record.text) && ClassificationRenderer.isBlank(record.subject ?? "") {
            skipped = "blank_text"
        } else {
            (item, skipped) = classifier.reportItem(for: record, grouping: grouping)
        }
        // A record the classifier took read its date; only one set aside may hold an unreadable one.
        if item == nil, let date = record.createdAt, TicketTimestamp.tokyo(date) == nil { unreadableDate = date }
    }
}
