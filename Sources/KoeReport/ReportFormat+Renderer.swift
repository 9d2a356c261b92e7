extension ReportFormat {
    /// The renderer that writes this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        case .json: JSONRenderer()
        }
    }

    /// File name extension, without the dot, for `koe report -o DIR`.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }
}
