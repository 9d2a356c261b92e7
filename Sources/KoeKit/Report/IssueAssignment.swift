/// The identity given to one candidate: a stored issue's id, or a newly minted one.
public struct IssueAssignment: Sendable, Equatable {
    public var id: String
    /// True when no stored issue matched and `id` is newly minted.
    public var isNew: Bool
    /// The earliest week the issue was seen in, up to and including the assigned week.
    public var firstSeen: ISOWeek
    /// Weeks the issue was seen in up to and including the assigned week.
    public var weeksActive: Int

    public init(id: String, isNew: Bool, firstSeen: ISOWeek, weeksActive: Int) {
        self.id = id
        self.isNew = isNew
        self.firstSeen = firstSeen
        self.weeksActive = weeksActive
    }
}
