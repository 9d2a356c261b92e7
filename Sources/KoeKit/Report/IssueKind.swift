/// What a recurring issue of the report is: a problem (from dissatisfied tickets) or a
/// feature-request theme (from tickets with a request signal). The raw values are the words
/// the history stores and the JSON report writes.
public enum IssueKind: String, Sendable, Codable, CaseIterable {
    case issue
    case featureRequest = "feature_request"
}
