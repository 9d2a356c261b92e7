/// One cluster of the week being reported, to be matched against the stored issues.
public struct IssueCandidate: Sendable {
    /// Most distinctive first; only the first `IssueMatcher.topTerms` take part in matching.
    public var terms: [String]
    /// Record ids of the cluster's items (no ticket text).
    public var memberKeys: [String]
    /// Display only: matching never looks at it.
    public var label: String
    /// An issue only ever matches a stored issue of its kind.
    public var kind: IssueKind
    /// Items in the week.
    public var count: Int

    public init(terms: [String], memberKeys: [String], label: String, kind: IssueKind, count: Int) {
        self.terms = terms
        self.memberKeys = memberKeys
        self.label = label
        self.kind = kind
        self.count = count
    }
}
