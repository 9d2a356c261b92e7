/// Addresses a report may link to, given on the command line: the ticket behind each quote
/// (`--ticket-url`) and, for the Slack digest, the full report (`--report-url`). Without them
/// reports hold no links at all.
public struct ReportLinks: Sendable, Equatable {
    public var ticket: TicketLinkTemplate?
    public var fullReport: WebURL?

    public init(ticket: TicketLinkTemplate? = nil, fullReport: WebURL? = nil) {
        self.ticket = ticket
        self.fullReport = fullReport
    }

    public static let none = ReportLinks()

    /// The unescaped address of a ticket, nil without a template.
    func ticketURL(_ id: String) -> String? {
        guard !id.isEmpty else { return nil }
        return ticket?.url(for: id)
    }
}
