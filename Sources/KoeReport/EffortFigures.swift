import KoeKit

/// The effort and resolution-quality figures both renderers show. Satisfied resolutions are set
/// against complaints that merely subsided — the distinction the section exists to keep
/// visible (renewal differs by about ten points).
struct EffortFigures: Sendable {
    let metrics: [(label: String, rate: WeeklyReport.Rate)]
    let resolved: WeeklyReport.Rate
    let subsided: WeeklyReport.Rate

    /// Resolution lines, one per resolution signal, labelled from `signals.tsv`.
    let resolutionRates: [(label: String, rate: WeeklyReport.Rate)]

    init(_ effort: WeeklyReport.EffortQuality) {
        metrics = effort.metrics.map { ($0.label, $0.rate) }
        resolutionRates = (effort.resolvedSatisfied + effort.complaintSubsided).map { ($0.label, $0.rate) }
        resolved = Self.sum(effort.resolvedSatisfied)
        subsided = Self.sum(effort.complaintSubsided)
    }

    /// Signal hits of several signals over the same week (one signal each in the built-in lexicon).
    static func sum(_ rates: [WeeklyReport.SignalRate]) -> WeeklyReport.Rate {
        let total = rates.first?.rate.total ?? 0
        let previous = rates.compactMap(\.rate.previousCount)
        return WeeklyReport.Rate(
            count: rates.reduce(0) { $0 + $1.rate.count }, total: total,
            previousCount: previous.count == rates.count && !rates.isEmpty ? previous.reduce(0, +) : nil,
            previousTotal: rates.first?.rate.previousTotal)
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
        resolutionRates.map { "\($0.label): \(ReportFacts.rate($0.rate))" }
            + ["\(ReportText.satisfiedAmongClosed): \(satisfiedAmongClosed)"]
    }
}
