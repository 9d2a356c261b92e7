/// What the weekly report and issue grouping read of the source lexicon (`Lexicon`): signal
/// labels, families and report sections, the version, each line's pattern and first target,
/// problem kinds, grammatical lines and synonym sets. Small enough for the lexicon cache to
/// store, so that a cached run never parses the lexicon files to write a report.
public struct ReportLexicon: Sendable, Equatable {
    /// A signal as the report shows and sorts it.
    public struct Signal: Sendable, Equatable {
        public let id: String
        public let family: SignalFamily
        public let label: String
        /// Report sections the signal feeds; nil when its file has no `report` column for it.
        public let report: [ReportRole]?
    }

    /// A lexicon line as the appendix lists it.
    public struct Entry: Sendable, Equatable {
        public let pattern: String
        /// The line's first target, as written (empty when it has none).
        public let target: String
    }

    /// A synonym set: the word grouping counts, and the words that count as it.
    public struct Synonyms: Sendable, Equatable {
        public let canonical: String
        public let variants: [String]
    }

    /// `Lexicon.version`.
    public let version: String
    public let signals: [String: Signal]
    /// By `file:line`: the first entry of that line.
    public let entries: [String: Entry]
    /// `Lexicon.issueKinds`: lexicon lines (`file:line`) → the problem kind they name.
    public let issueKinds: [String: String]
    /// Lexicon lines (`file:line`) whose every target is a rule role other than absence and
    /// inability: they say how something is said, not what is wrong.
    public let grammaticalEntries: Set<String>
    /// Synonym sets, by canonical word in String order.
    public let synonyms: [Synonyms]

    init(
        version: String, signals: [String: Signal], entries: [String: Entry], issueKinds: [String: String],
        grammaticalEntries: Set<String>, synonyms: [Synonyms]
    ) {
        self.version = version
        self.signals = signals
        self.entries = entries
        self.issueKinds = issueKinds
        self.grammaticalEntries = grammaticalEntries
        self.synonyms = synonyms
    }

    public init(_ lexicon: Lexicon) {
        version = lexicon.version
        signals = lexicon.signals.mapValues { Signal(id: $0.id, family: $0.family, label: $0.label, report: $0.report) }
        var entries: [String: Entry] = [:]
        var grammatical = Set<String>()
        for entry in lexicon.entries {
            let key = entry.location.description
            if entries[key] == nil { entries[key] = Entry(pattern: entry.pattern, target: entry.targets.first?.description ?? "") }
            let onlyRules = entry.targets.allSatisfy { target in
                guard case let .rule(role) = target else { return false }
                return role != .absence && role != .inability
            }
            if onlyRules { grammatical.insert(key) }
        }
        self.entries = entries
        grammaticalEntries = grammatical
        issueKinds = lexicon.issueKinds
        synonyms = lexicon.synonyms.values.sorted { $0.canonical < $1.canonical }.map { Synonyms(canonical: $0.canonical, variants: $0.variants) }
    }
}

extension CompiledLexicon {
    /// What the report reads of the source lexicon: from the lexicon cache when the compiled
    /// lexicon came from there (no lexicon file is parsed), else from `lexicon`.
    public var reportLexicon: ReportLexicon { source.report }
}
