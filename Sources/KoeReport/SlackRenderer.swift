import KoeKit

/// The weekly report as a short Slack digest (`koe report --format slack`) in mrkdwn: no
/// tables, no `#` headings, one message. It shows the top alert, the summary's biggest
/// changes, one line on the ratings (when the input has them), the top issues with counts
/// and week-over-week change, the churn-risk accounts (ids masked as in the report), and a link to the full report when `links.fullReport` is
/// set. Ticket ids link to their tickets when `links.ticket` is set.
///
/// The digest stays within `maximumLength` UTF-16 units: when the report is larger, whole
/// lines are left out from the end of each section (the title and the link stay) and a
/// closing note says how many. Each text from the data is clipped (before escaping) to a few
/// hundred characters, so one long ticket cannot crowd out the rest.
public struct SlackRenderer: ReportRenderer {
    public var links: ReportLinks
    public var maximumLength: Int
    /// Top issues listed.
    public var issueLimit = 5

    /// Slack truncates a message's `text` after 4,000 characters; keep room for a prefix a
    /// webhook may add.
    public static let defaultMaximumLength = 3_900

    public init(links: ReportLinks = .none, maximumLength: Int = SlackRenderer.defaultMaximumLength) {
        self.links = links
        self.maximumLength = maximumLength
    }

    /// Whether a link to `url` leaves at least half of a default digest for the report
    /// (`&` grows fivefold when escaped); the CLI refuses a longer `--report-url`.
    public static func hasRoom(forLinkTo url: WebURL) -> Bool {
        Slack.length(Slack.link(url.text, label: ReportText.fullReport)) <= defaultMaximumLength / 2
    }

    public enum Failure: Error, CustomStringConvertible {
        case tooShort(Int)

        public var description: String {
            switch self {
            case let .tooShort(n): "the digest's title and link alone exceed \(n) characters (is the --report-url that long?)"
            }
        }
    }

    /// A heading and its lines; lines are whole units, never cut.
    private struct Block {
        var heading: [String]
        var items: [String]
    }

    public func render(_ report: WeeklyReport) throws -> String {
        let head = ["*" + Slack.text(ReportText.title(week: report.header.week), limit: 80) + "*",
                    Slack.text(ReportFacts.period(report.header), limit: 120) + "／"
                        + "\(ReportText.inWeek) \(NumberText.items(report.header.recordsInWeek))"]
        let alert = report.topAlert.map { Block(heading: [], items: ["*\(ReportText.topAlert):* " + Slack.text($0)]) }
        let tail = links.fullReport.map { [Slack.link($0.text, label: ReportText.fullReport)] } ?? []
        let blocks = [alert, changes(report), ratings(report), topIssues(report.topIssues), churnRisk(report)].compactMap { $0 }

        var lines = head
        var omitted = 0
        // Room for the omission note and the link, which always come last.
        let reserve = Slack.length(ReportText.omitted(99_999)) + tail.reduce(0) { $0 + Slack.length($1) + 2 } + 2
        func fits(_ more: [String]) -> Bool {
            Slack.length((lines + more).joined(separator: "\n")) + reserve <= maximumLength
        }
        guard fits([]) else { throw Failure.tooShort(maximumLength) }
        for block in blocks {
            guard let first = block.items.first, fits([""] + block.heading + [first]) else {
                omitted += block.items.count
                continue
            }
            lines += [""] + block.heading + [first]
            for (index, item) in block.items.enumerated().dropFirst() {
                guard fits([item]) else {
                    omitted += block.items.count - index
                    break
                }
                lines.append(item)
            }
        }
        if omitted > 0 { lines += ["", ReportText.omitted(omitted)] }
        if !tail.isEmpty { lines += [""] + tail }
        return lines.joined(separator: "\n") + "\n"
    }

    private func changes(_ report: WeeklyReport) -> Block {
        Block(heading: ["*\(ReportText.biggestChanges)*"],
              items: report.summary.isEmpty ? [ReportText.none] : report.summary.map { "• " + Slack.text($0) })
    }

    /// One line on the ratings, when the week has rated tickets (`RatingFacts.digest`).
    private func ratings(_ report: WeeklyReport) -> Block? {
        guard let ratings = report.ratings, let scale = ratings.scale, ratings.week.figures.rated > 0 else { return nil }
        return Block(heading: [], items: ["*\(ReportText.ratingsHeading)* " + Slack.text(RatingFacts.digest(ratings, scale))])
    }

    /// `1. 請求書PDFが文字化け：66件・前週比 +66（—）・例 244974`.
    private func topIssues(_ rows: [WeeklyReport.IssueRow]) -> Block {
        let shown = rows.prefix(issueLimit)
        let items = shown.enumerated().map { index, row in
            var line = "\(index + 1). " + Slack.text(row.label, limit: 80) + "：" + NumberText.items(row.count)
                + "・\(ReportText.weekOverWeek) " + ReportFacts.countDelta(row.count, previous: row.previous)
            if let quote = row.quotes.first, !quote.id.isEmpty {
                line += "・\(ReportText.example) " + Slack.ticket(quote.id, links: links)
            }
            return line
        }
        return Block(heading: ["*\(ReportText.topIssuesDigest(shown.count))*"],
                     items: items.isEmpty ? [ReportText.none] : items)
    }

    /// `• ACME-0042（enterprise）：解約意向、他社乗り換え・今週 2件・条件付き・根拠 244974`.
    private func churnRisk(_ report: WeeklyReport) -> Block {
        let accounts = report.churnRisk
        let labels = DisplayLabels(report: report)
        let conditional = accounts.filter(\.conditional).count
        // A space after the closing `*`: Slack leaves `*…*` unbolded when a CJK character
        // touches the marker.
        let heading = "*\(ReportText.churnAccounts)* "
            + ReportText.accountCount(NumberText.count(accounts.count), conditional: NumberText.items(conditional))
        let items = accounts.map { risk in
            var line = "• " + Slack.text(risk.account, limit: 60)
            if let plan = risk.plan, !plan.isEmpty { line += "（" + Slack.text(plan, limit: 30) + "）" }
            line += "：" + Slack.text(risk.signals.map(labels.signal).joined(separator: "、"), limit: 120)
            line += "・\(ReportText.thisWeekShort) " + NumberText.items(risk.tickets)
            if risk.conditional { line += "・" + ReportText.conditional }
            if !risk.quote.id.isEmpty { line += "・\(ReportText.evidenceShort) " + Slack.ticket(risk.quote.id, links: links) }
            return line
        }
        return Block(heading: [heading], items: items.isEmpty ? [ReportText.none] : items)
    }
}
