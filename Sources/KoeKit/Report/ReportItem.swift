/// One classified record, reduced to what the weekly report uses. Built on the worker
/// threads right after classification, so the report never keeps full classifications.
public struct ReportItem: Sendable {
    public struct SignalHit: Sendable, Equatable {
        public let id: String
        public let family: SignalFamily
        public let strength: Double
        public let conditional: Bool
        /// Scalar offsets into `text` of the evidence, for quoting the sentence that holds it.
        public let evidence: [Range<Int>]
    }

    /// Record id, else `source:line`.
    public let key: String
    public let week: ISOWeek
    /// The Tokyo calendar date of creation.
    public let date: CivilDate
    public let channel: String
    /// Account id, else customer id (nil when neither is known).
    public let account: String?
    public let plan: String?
    /// Subject and body, as written.
    public internal(set) var text: String
    public let stance: Stance
    public let dominant: Stance?
    public let score: Double
    public internal(set) var signals: [SignalHit]
    public let topic: String
    /// What the text says is wrong, for issue grouping; its `words` feed new-term detection.
    public internal(set) var features: IssueFeatures
    /// Lexicon lines that fired (`file:line`), for the appendix (counted per week as items
    /// stream in, so a kept item drops them: see `retained`).
    public internal(set) var entries: [String]
    /// Some lexicon line fired (`entries` was not empty): the appendix samples items without.
    public let matchedLexicon: Bool
    /// The record's rating, as read from `--rating-column` (nil when the cell is blank).
    public let rating: RatingReading?
    /// While the item waits in `ReportCollector`: its issue-feature weights, stored once in the
    /// collector's `FeatureSets` (`features.weights` is empty meanwhile).
    var featureSet: Int32?

    public init(
        key: String, date: CivilDate, channel: String, account: String?, plan: String?, text: String,
        classification c: Classification, features: IssueFeatures, rating: RatingReading? = nil
    ) {
        self.key = key
        self.date = date
        week = ISOWeek(containing: date)
        self.channel = channel
        self.account = account
        self.plan = plan
        self.text = text
        stance = c.stance
        dominant = c.dominant
        score = c.score
        signals = c.signals.map { s in
            SignalHit(id: s.id, family: s.family, strength: s.strength, conditional: s.conditional,
                      evidence: s.evidence.map { $0.start..<max($0.start, $0.end) })
        }
        topic = c.topic
        self.features = features
        entries = (c.evidence + c.signals.flatMap(\.evidence)).map(\.entry)
        matchedLexicon = !entries.isEmpty
        self.rating = rating
    }

    /// The item as the report keeps it once it was counted: without the lexicon lines and
    /// term list (both counted), and without issue features unless it is grouped.
    func retained(issueFeatures: Bool) -> ReportItem {
        var item = self
        item.entries = []
        if issueFeatures { item.features.words = [] } else { item.features = IssueFeatures() }
        return item
    }

    public var isDissatisfied: Bool { stance == .dissatisfaction || (stance == .mixed && dominant == .dissatisfaction) }
    /// `isDissatisfied` of an item classified `c`.
    static func isDissatisfied(_ c: Classification) -> Bool {
        c.stance == .dissatisfaction || (c.stance == .mixed && c.dominant == .dissatisfaction)
    }
    public var isSuccess: Bool { stance == .success || (stance == .mixed && dominant == .success) }
    public func has(_ signal: String) -> Bool { signals.contains { $0.id == signal } }
}

extension Classifier {
    /// Classifies a record for the report: subject and body together. Nil when the record
    /// cannot be used (its reason is the dictionary key of `ReportBuilder.skipped`).
    /// `grouping`: the signals that make an item grouped besides dissatisfaction (feature
    /// requests); an item that is neither gets only the words of its issue features (the
    /// report counts its terms and groups nothing of it). Nil: full features for every item.
    public func reportItem(for record: Record, grouping: Set<String>? = nil) -> (item: ReportItem?, skipped: String?) {
        if record.error != nil { return (nil, "unreadable") }
        guard let created = record.createdAt, let date = TicketTimestamp.tokyo(created)?.date else { return (nil, "no_date") }
        let (text, subjectLength) = record.classifiedText
        guard let c = try? classify(text) else { return (nil, "unreadable") }
        let grouped = grouping.map { ids in ReportItem.isDissatisfied(c) || c.signals.contains { ids.contains($0.id) } } ?? true
        guard let features = try? issueFeatures(of: c, text: text, subjectLength: subjectLength, wordsOnly: !grouped)
        else { return (nil, "unreadable") }
        let key = record.id ?? "\(record.source):\(record.line)"
        let item = ReportItem(
            key: key, date: date, channel: record.channel?.isEmpty == false ? record.channel! : "unknown",
            account: record.accountID ?? record.customerID, plan: record.plan, text: text,
            classification: c, features: features, rating: RatingReading(record.rating))
        return (item, nil)
    }
}
