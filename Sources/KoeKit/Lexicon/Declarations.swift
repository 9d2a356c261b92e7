/// The families a signal can belong to; the family decides which way a signal pulls the stance.
public enum SignalFamily: String, Sendable, CaseIterable {
    case dissatisfaction, success, action

    public var sign: Double {
        switch self {
        case .dissatisfaction: -1
        case .success: 1
        case .action: 0
        }
    }
}

/// A signal declared in `signals.tsv`.
public struct SignalDeclaration: Sendable {
    public let id: String
    public let family: SignalFamily
    public let label: String
    /// Report sections the signal feeds (empty for `none`); nil when the file has no
    /// `report` column for it (`koe lexicon check` warns: no section shows it).
    public let report: [ReportRole]?
    public let location: SourceLocation

    public init(id: String, family: SignalFamily, label: String, report: [ReportRole]?, location: SourceLocation) {
        self.id = id
        self.family = family
        self.label = label
        self.report = report
        self.location = location
    }

    public func has(_ role: ReportRole) -> Bool { report?.contains(role) ?? false }
}

/// A topic declared in `topics.tsv`.
public struct TopicDeclaration: Sendable {
    public let id: String
    public let label: String
    public let location: SourceLocation
}
