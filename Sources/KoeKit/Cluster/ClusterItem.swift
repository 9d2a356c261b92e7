/// One text to group: a stable key (the record id), its issue features and the text to quote.
public struct ClusterItem: Sendable {
    public let key: String
    public let features: IssueFeatures
    public let text: String

    public init(key: String, features: IssueFeatures, text: String) {
        self.key = key
        self.features = features
        self.text = text
    }
}

/// A recurring issue: the items that talk about the same thing.
public struct IssueCluster: Sendable, Equatable {
    /// Deterministic id within one run: `c` + rank by size.
    public let id: String
    /// A readable Japanese label: the problem phrase most members share, as one of them wrote
    /// it (「認証コードが届かない」), else its two most distinctive whole words.
    public let label: String
    /// The most distinctive whole words and codes (no fragments), most distinctive first.
    public let terms: [String]
    public let members: [String]
    /// Up to three member texts closest to the centre, cut around the sentence that carries
    /// the issue (… marks a cut).
    public let quotes: [String]
    /// Member keys in the order of `quotes`.
    public let quoteKeys: [String]
    /// Items that are no member (they belong to another issue or to none) but name this issue's
    /// problem too, in key order: a ticket that reports two problems counts for both.
    public internal(set) var alsoMentionedBy: [String] = []
    /// The phrase features that define the issue: the one its label stands for (`a:…` or
    /// `p:…`), then other phrases many members use; empty for a label of two words.
    let definingFeatures: [String]
    public var size: Int { members.count }
    /// Members and the items that also name the issue: how often the issue was reported.
    public var mentions: Int { members.count + alsoMentionedBy.count }
}
