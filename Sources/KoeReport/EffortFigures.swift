import KoeKit

/// The effort and resolution-quality figures both renderers show. Satisfied resolutions are set
/// against complaints that merely subsided — the distinction the section exists to keep
/// visible (renewal differs by about ten points).
struct EffortFigures: Sendable {
    let metrics: [(label: String, rate: WeeklyReport.Rate)]
    let resolved: WeeklyReport.Rate
    let subsided: WeeklyReport.Rate

    init(_ effort: WeeklyReport.EffortQuality) {
        metrics = [
            (ReportText.highEffort, effort.highEffort),
            (ReportText.repeatContact, effort.repeatContact),
            (ReportText.slowResponse, effort.slowResponse),
            (ReportText.callbackFailure, effort.callbackFailure),
        ]
        resolved = effort.resolvedSatisfied
        subsided = effort.complaintSubsided
    }

    /// Whether any metric has last week's figures.
    var hasPrevious: Bool { metrics.contains { $0.rate.previousShare != nil } }

    /// `12.3%（56/455件）`.
    static func current(_ rate: WeeklyReport.Rate) -> String {
        "\(ReportFacts.share(rate))（\(ReportFacts.fraction(rate.count, of: rate.total))）"
    }

    /// Satisfied resolutions among all items that were resolved or subsided.
    var satisfiedAmongClosed: String {
        ReportFacts.shareOf(resolved.count, total: resolved.count + subsided.count)
    }

    var resolutionLines: [String] {
        [
            "\(ReportText.resolvedSatisfied): \(ReportFacts.rate(resolved))",
            "\(ReportText.complaintSubsided): \(ReportFacts.rate(subsided))",
            "\(ReportText.satisfiedAmongClosed): \(satisfiedAmongClosed)",
        ]
    }
}
