/// A recurring issue (or feature-request theme) followed through the report's weeks.
public struct IssueTrack: Sendable {
    /// `c1`… within a run; the stored id when history assigned one.
    public var id: String
    public let kind: IssueKind
    public let cluster: IssueCluster
    /// Items per week (`2026-W47` → count), from the data and, for weeks it lacks, history.
    public var countsByWeek: [String: Int]
    public var dissatisfiedThisWeek: Int
    public var firstSeen: String
    public var weeksActive: Int
    /// Record keys per week (`2026-W47` → keys) of the input's items in the issue, for
    /// history identity matching.
    public let membersByWeek: [String: [String]]

    /// Members of the report week: the cluster was grouped from them.
    public var membersThisWeek: [String] { cluster.members }

    public func count(in week: String) -> Int { countsByWeek[week, default: 0] }
}
