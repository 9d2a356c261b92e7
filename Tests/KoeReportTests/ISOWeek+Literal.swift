import KoeKit

/// Fixtures write weeks as their names (`"2026-W47"`); a name that is no week stops the test.
extension ISOWeek: ExpressibleByStringLiteral {
    public init(stringLiteral name: String) {
        guard let week = ISOWeek(name) else { preconditionFailure("not an ISO week: \(name)") }
        self = week
    }
}
