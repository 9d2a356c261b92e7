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
    public let location: SourceLocation
}

/// A topic declared in `topics.tsv`.
public struct TopicDeclaration: Sendable {
    public let id: String
    public let label: String
    public let location: SourceLocation
}
