import KoeKit

/// Turns a weekly VOC report into one output document (Markdown, HTML or JSON).
///
/// Renderers are pure: the same report always gives the same bytes (no clock, no hash order),
/// so their output can be kept as golden files.
public protocol ReportRenderer: Sendable {
    func render(_ report: WeeklyReport) throws -> String
}
