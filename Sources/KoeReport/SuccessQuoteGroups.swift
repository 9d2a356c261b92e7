import KoeKit

extension WeeklyReport.SuccessSection {
    /// The success quotes under their headings, in the order both renderers show them.
    var quoteGroups: [(heading: String, quotes: [WeeklyReport.Quote])] {
        [
            (ReportText.agentShoutouts, agentShoutouts),
            (ReportText.quantifiedOutcomes, quantifiedOutcomes),
            (ReportText.caseStudyCandidates, caseStudyCandidates),
            (ReportText.expansionLeads, expansionLeads),
        ]
    }
}
