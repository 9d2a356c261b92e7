/// A recurring issue as the history knows it: its stable id, the label and terms of its latest
/// week, and the span of weeks it was seen in. Feeds fading detection and `koe history`.
public struct StoredIssue: Codable, Sendable, Equatable {
    /// `I0001` (issue) or `F0001` (feature request); never reused.
    public var id: String
    /// `issue` or `feature_request`.
    public var kind: String
    public var label: String
    /// Most distinctive first, as clustered in the latest week the issue was seen.
    public var terms: [String]
    public var firstSeen: String
    public var lastSeen: String
    /// Weeks with at least one item of the issue.
    public var weeksActive: Int

    public init(
        id: String, kind: String, label: String, terms: [String], firstSeen: String, lastSeen: String,
        weeksActive: Int
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.terms = terms
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.weeksActive = weeksActive
    }
}
