/// The report's part of a cached lexicon (`ReportLexicon`), stored after the compiled tables,
/// so that `koe report` from the cache never rebuilds the source lexicon.
extension ReportLexicon {
    func write(to out: inout CacheWriter) {
        out.string(version)
        let ids = signals.keys.sorted()
        let shown = ids.map { signals[$0]! }
        out.strings(ids)
        out.array(shown.map { UInt8(SignalFamily.allCases.firstIndex(of: $0.family)!) })
        out.strings(shown.map(\.label))
        out.array(shown.map { $0.report == nil ? UInt8(0) : 1 })
        out.nested(shown.map { ($0.report ?? []).map { UInt8(ReportRole.allCases.firstIndex(of: $0)!) } })
        let lines = entries.keys.sorted()
        out.strings(lines)
        out.strings(lines.map { entries[$0]!.pattern })
        out.strings(lines.map { entries[$0]!.target })
        let kinds = issueKinds.keys.sorted()
        out.strings(kinds)
        out.strings(kinds.map { issueKinds[$0]! })
        out.strings(grammaticalEntries.sorted())
        out.strings(synonyms.map(\.canonical))
        out.array(synonyms.map { Int32($0.variants.count) })
        out.strings(synonyms.flatMap(\.variants))
    }

    /// What `write` stored; throws when it does not hold together.
    static func read(from input: inout CacheReader) throws -> ReportLexicon {
        let version = try input.string()
        let ids = try input.strings()
        let families: [UInt8] = try input.array()
        let labels = try input.strings()
        let hasReport: [UInt8] = try input.array()
        let reports: [[UInt8]] = try input.nested()
        let familyCases = SignalFamily.allCases, roles = ReportRole.allCases
        guard [families.count, labels.count, hasReport.count, reports.count].allSatisfy({ $0 == ids.count }),
            families.allSatisfy({ Int($0) < familyCases.count }), reports.allSatisfy({ $0.allSatisfy { Int($0) < roles.count } })
        else { throw CacheFormatError(description: "bad report signals") }
        var signals: [String: Signal] = [:]
        for (k, id) in ids.enumerated() {
            signals[id] = Signal(
                id: id, family: familyCases[Int(families[k])], label: labels[k],
                report: hasReport[k] == 0 ? nil : reports[k].map { roles[Int($0)] })
        }
        let lines = try input.strings(), patterns = try input.strings(), targets = try input.strings()
        let kindLines = try input.strings(), kinds = try input.strings()
        let grammatical = try input.strings()
        let canonical = try input.strings()
        let counts: [Int32] = try input.array()
        let variants = try input.strings()
        guard patterns.count == lines.count, targets.count == lines.count, kinds.count == kindLines.count,
            counts.count == canonical.count, counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, { $0 + Int($1) }) == variants.count
        else { throw CacheFormatError(description: "bad report tables") }
        var entries: [String: Entry] = [:]
        for (k, line) in lines.enumerated() { entries[line] = Entry(pattern: patterns[k], target: targets[k]) }
        var start = 0
        let synonyms = canonical.indices.map { k in
            defer { start += Int(counts[k]) }
            return Synonyms(canonical: canonical[k], variants: Array(variants[start..<start + Int(counts[k])]))
        }
        return ReportLexicon(
            version: version, signals: signals, entries: entries,
            issueKinds: Dictionary(zip(kindLines, kinds), uniquingKeysWith: { a, _ in a }), grammaticalEntries: Set(grammatical), synonyms: synonyms)
    }
}
