/// Signals that no report section shows, for `koe lexicon check`.
extension Lexicon {
    /// A warning for each signal declared without a `report` column (a user lexicon written
    /// before the column, or a forgotten one): it is counted in the appendix, and no section
    /// shows it. An explicit `none` is a decision, not a warning.
    public var reportRoleDiagnostics: [Diagnostic] {
        let roles = ReportRole.allCases.map(\.rawValue).joined(separator: ", ")
        return signals.values.filter { $0.report == nil }
            .sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
            .map { signal in
                Diagnostic(
                    file: signal.location.file, line: signal.location.line, column: 1, severity: .warning,
                    message: "signal '\(signal.id)' has no report column: no report section shows it (add \(roles) or none)")
            }
    }
}
