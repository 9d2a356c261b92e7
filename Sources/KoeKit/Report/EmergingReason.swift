/// Why an issue is emerging this week: it is new (none before), or it grew far past its
/// baseline. The raw values are what the JSON report writes.
public enum EmergingReason: String, Sendable, Codable {
    case new
    case spike
}
