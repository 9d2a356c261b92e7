/// The output formats of `koe report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, json, slack
}
