/// One text to cluster: a stable key (the record id), its content terms, and the text to
/// quote. Terms are normalised words (plus `signal:` / `topic:` features).
public struct ClusterItem: Sendable {
    public let key: String
    public let terms: [String]
    public let text: String

    public init(key: String, terms: [String], text: String) {
        self.key = key
        self.terms = terms
        self.text = text
    }
}

/// A recurring issue: the items that talk about the same thing.
public struct IssueCluster: Sendable, Equatable {
    /// Deterministic id within one run: `c` + the smallest member key's rank.
    public let id: String
    /// A short Japanese label from the most distinctive terms (e.g. `二段階認証・sms・届か`).
    public let label: String
    public let terms: [String]
    public let members: [String]
    /// Up to three member texts closest to the centre.
    public let quotes: [String]
    /// Member keys in the order of `quotes`.
    public let quoteKeys: [String]
    public var size: Int { members.count }
}
