/// A recurring issue (or feature-request theme) followed through the report's weeks.
public struct IssueTrack: Sendable {
    /// `c1`… within a run; the stored id when history assigned one.
    public var id: String
    public let kind: IssueKind
    public let cluster: IssueCluster
    /// Items per week, from the data and, for weeks it lacks, history.
    public var countsByWeek: [ISOWeek: Int]
    public var dissatisfiedThisWeek: Int
    public var firstSeen: ISOWeek
    public var weeksActive: Int
    /// Record keys per week of the input's items in the issue, for history identity matching.
    public let membersByWeek: [ISOWeek: [String]]

    /// Members of the report week: the cluster was grouped from them.
    public var membersThisWeek: [String] { cluster.members }

    public func count(in week: ISOWeek) -> Int { countsByWeek[week, default: 0] }
}

/// Issue ids in the order they were numbered: `c9` before `c10`, `I0009` before `I0010`. Ties
/// between issues of equal count fall back to it, so a run over both weeks and a run that reads
/// the earlier week from history list equal issues in the same order.
public func issueIDPrecedes(_ a: String, _ b: String) -> Bool {
    a.count != b.count ? a.count < b.count : a < b
}
