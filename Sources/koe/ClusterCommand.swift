import ArgumentParser
import Foundation
import KoeKit

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group classified records into recurring issues (reads `koe classify` output).",
        discussion: """
            Reads JSON Lines from `koe classify` (with "text"; when a line has "subject", the first \
            line of its text is that subject and weighs less, as in `koe report`) and writes one JSON object per \
            cluster: {"cluster_id","kind","label","size","members","also","terms","quotes"}; "also" lists \
            records of other clusters (or of none) that name the issue too. Records \
            that do not lean to success form "issue" clusters; records with the feature_request \
            signal form "feature_request" clusters. Groups are built from what each text says \
            is wrong (the words its problem phrases are about, the phrases, error codes and \
            versions) by average linkage: a record that fits no group stays unclustered and is \
            not listed. Labels are problem phrases as customers wrote them (without one that \
            the members share: the shortest clause that holds the issue's top words). The same records in \
            any order give the same clusters. A summary goes to stderr. Input without any \
            `koe classify` record exits 65 (66 when it is empty).

            Example: koe classify < tickets.txt | koe cluster > issues.jsonl
            """
    )

    @Argument(help: "A `koe classify` JSON Lines file (default: stdin).")
    var file: String?

    @Option(help: "Minimum average similarity between two groups' members for them to merge (0–1); higher gives smaller, tighter issues.")
    var threshold: Double = IssueClusterer().threshold

    @Flag(help: "Do not mask personal data in quotes.")
    var noMask = false

    @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
    var lexicons: [String] = []

    @Flag(help: HelpText.noCache)
    var noCache = false

    func validate() throws {
        guard threshold > 0 && threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let classifier = try Classifier(lexicon: loadCompiledLexicon(extra: lexicons, quiet: false, noCache: noCache))
        let reader = try file.map { path in
            do { return try LineReader(path: path) } catch {
                Stderr.print("koe: \(error)")
                throw ExitStatus.noInput
            }
        } ?? LineReader.standardInput()
        var issues: [ClusterItem] = [], features: [ClusterItem] = []
        var read = 0, invalid = 0, unlabelled = 0
        try reader.forEachLine { line, number in
            if number == 1 && reader.encoding != .utf8 { Stderr.print("koe: \(reader.name): read as \(reader.encoding.displayName)") }
            guard !line.isEmpty else { return }
            let parsed = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            // classify's own lines for records it could not label (a blank text, an unreadable
            // record) have nothing to group: counted, not warned about.
            if let parsed, parsed["skipped"] != nil || parsed["error"] != nil {
                unlabelled += 1
                return
            }
            guard let object = parsed, let text = object["text"] as? String else {
                invalid += 1
                if invalid <= Self.shownWarnings {
                    Stderr.print("koe: \(reader.name):\(number): warning: not a `koe classify` record with \"text\"; skipped")
                }
                return
            }
            read += 1
            let id = (object["id"].map { "\($0)" }) ?? String(number)
            let stance = object["stance"] as? String, dominant = object["dominant"] as? String
            let signals = (object["signals"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            // classify's "subject" is the first line of "text": its words weigh less, as in the report.
            let subjectLength = Record.subjectLength(ofClassified: text, subject: object["subject"] as? String)
            let c = try classifier.classify(text)
            let item = ClusterItem(key: id, features: try classifier.issueFeatures(of: c, text: text, subjectLength: subjectLength), text: text)
            // Every record that does not lean to success may report an issue: support tickets
            // often describe a problem in neutral words (返金はいつになりますか).
            let success = stance == "success" || (stance == "mixed" && dominant == "success")
            if !success { issues.append(item) }
            if signals.contains("feature_request") { features.append(item) }
        }
        if invalid > Self.shownWarnings { Stderr.print("koe: … \(invalid - Self.shownWarnings) more line(s) like these") }
        guard read > 0 else {
            if invalid == 0 {
                Stderr.print("koe: \(reader.name): error: no input records")
                throw ExitStatus.noInput
            }
            Stderr.print("koe: \(reader.name): error: none of \(invalid) line(s) is a `koe classify` record with \"text\"; run `koe classify FILE | koe cluster` (classify without --no-text)")
            throw ExitStatus.badData
        }
        var clusterer = IssueClusterer()
        clusterer.threshold = threshold
        let writer = ByteWriter()
        let masker = PIIMasker()
        var summary: [String] = []
        for (kind, items) in [("issue", issues), ("feature_request", features)] {
            let clusters = clusterer.cluster(items)
            summary.append("\(clusters.count) \(kind) cluster(s) holding \(clusters.map(\.size).reduce(0, +)) of \(items.count) record(s)")
            for c in clusters {
                let object: [String: Any] = [
                    "cluster_id": (kind == "issue" ? "c" : "f") + c.id.dropFirst(), "kind": kind,
                    "label": noMask ? c.label : masker.mask(c.label),
                    "size": c.size, "members": c.members, "also": c.alsoMentionedBy, "terms": c.terms,
                    "quotes": c.quotes.map { PIIMasker.shorten(noMask ? $0 : masker.mask($0), maxCharacters: 140) },
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                data.withUnsafeBytes { writer.append($0.bindMemory(to: UInt8.self)) }
                try writer.endLine()
            }
        }
        try writer.flush()
        if invalid > 0 { Stderr.print("koe: \(invalid) line(s) skipped") }
        if unlabelled > 0 { summary.append("\(unlabelled) classify line(s) without labels (skipped or error) passed over") }
        Stderr.print("koe: \(read) record(s): " + summary.joined(separator: "; "))
    }

    /// Skipped lines are named one by one up to this many, then counted.
    static let shownWarnings = 5
}
