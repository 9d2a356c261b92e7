extension ReportFormat {
    /// The renderer that writes this format, without links.
    public var renderer: any ReportRenderer { renderer(links: .none) }

    /// The renderer that writes this format; Markdown, HTML and the Slack digest link ticket
    /// ids (and the digest the full report) as `links` says. JSON carries the data only.
    public func renderer(links: ReportLinks) -> any ReportRenderer {
        switch self {
        case .markdown: MarkdownRenderer(links: links)
        case .html: HTMLRenderer(links: links)
        case .json: JSONRenderer()
        case .slack: SlackRenderer(links: links)
        }
    }

    /// File name extension, without the dot, for `koe report -o DIR`. Slack has no file
    /// type of its own: a digest is plain text.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .slack: "txt"
        }
    }
}
