import Foundation
import Testing

/// Hostile ticket text reaches every section of the report and stays text. The fixture's
/// W47 tickets carry `<script>`, `"><img onerror=…>`, `<a href="javascript:…">`, `&`, a
/// Markdown link to `javascript:` and markup in account ids, plan and channel names, placed in
/// the very sentence each section quotes: issue quotes, churn risk (account, plan, quote),
/// effort and success quotes, new terms, channels (table and chart), feature requests and the
/// appendix's unclassified sample. Each section is checked on its own, so escaping dropped in
/// one renderer function fails the test that names that section.
@Suite struct ReportEscapingCLITests {
    static let fixtures = ReportCLITests.fixtures

    func report(_ format: String) throws -> String {
        let r = try KoeRunner.run(
            ["report", "report-hostile.csv", "--week", "2026-W47", "--format", format, "-q"], in: Self.fixtures)
        #expect(r.status == 0, "\(r.stderr)")
        return r.out
    }

    /// What each section must show, as the ticket wrote it.
    static let reaching: [(section: String, raw: [String])] = [
        ("volume", ["chat<script>alert(7)</script>", "web&form\"><img src=x onerror=alert(8)>"]),
        ("top-issues", ["<script>alert('x')</script>", "\"><img src=x onerror=alert(2)>", "ACME\"><img src=x onerror=alert(1)>"]),
        ("emerging", ["<script>alert('x')</script>", "javascript"]),
        ("churn-risk", ["<b>NAMI</b>&co", "<i>enterprise</i>", "<a href=\"javascript:alert(4)\">"]),
        ("effort", ["<img src=x onerror=alert(5)>", "[詳細](javascript:alert(5))"]),
        ("success", ["<script>alert(6)</script>", "<b>&amp;</b>"]),
        ("feature-requests", ["<script>alert(10)</script>", "<img src=x onerror=alert(11)>"]),
        ("appendix", ["<iframe src=\"javascript:alert(9)\"></iframe>"]),
    ]

    /// Tags a ticket tries to open; the renderers themselves never write them.
    static let hostileTags = ["script", "img", "iframe", "a", "b", "i"]

    @Test(arguments: reaching.map(\.section))
    func htmlSectionShowsHostileTextEscaped(section: String) throws {
        let html = try report("html")
        let body = try #require(Self.htmlSection(section, of: html), "no section \(section)")
        for raw in Self.reaching.first(where: { $0.section == section })!.raw {
            #expect(body.contains(Self.htmlEscaped(raw)), "\(section) lacks \(raw), escaped")
        }
        let tags = Set(body.matches(of: /<\/?([A-Za-z][A-Za-z0-9]*)/).map { $0.output.1.lowercased() })
        for tag in Self.hostileTags {
            #expect(!tags.contains(tag), "\(section) has a <\(tag)> element")
        }
        #expect(!body.contains("href=\""), "\(section) has a link")
    }

    @Test(arguments: reaching.map(\.section))
    func markdownSectionShowsHostileTextInert(section: String) throws {
        let markdown = try report("markdown")
        let body = try #require(Self.markdownSection(section, of: markdown), "no section \(section)")
        for raw in Self.reaching.first(where: { $0.section == section })!.raw {
            #expect(body.contains(Self.markdownEscaped(raw)), "\(section) lacks \(raw), escaped")
        }
        // No raw HTML and no link: every < > [ ] is backslash-escaped (a quote's leading "> " aside).
        for line in body.split(separator: "\n") {
            let text = line.hasPrefix("> ") ? line.dropFirst(2) : line[...]
            if let bare = Self.unescaped(in: text) {
                Issue.record("\(section): unescaped \(bare) in \(line)")
            }
        }
    }

    /// The first of `< > [ ]` not preceded by an odd number of backslashes.
    static func unescaped(in text: Substring) -> Character? {
        var backslashes = 0
        for c in text {
            if c == "\\" { backslashes += 1; continue }
            if "<>[]".contains(c) && backslashes % 2 == 0 { return c }
            backslashes = 0
        }
        return nil
    }

    @Test func theWholeHTMLDocumentHasNoHostileElement() throws {
        let html = try report("html")
        let tags = Set(html.matches(of: /<\/?([A-Za-z][A-Za-z0-9]*)/).map { $0.output.1.lowercased() })
        #expect(tags.isDisjoint(with: Self.hostileTags), "\(tags.intersection(Self.hostileTags))")
        #expect(!html.localizedCaseInsensitiveContains("onerror=alert(1)>"), "an attribute broke out of its cell")
    }

    /// The text of `<section id="anchor">` up to its end.
    static func htmlSection(_ anchor: String, of html: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(anchor)\">"),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.upperBound..<end.lowerBound]
    }

    /// Markdown headings of the sections checked (the renderers' Japanese headings).
    static let headings = [
        "volume": "チャネル別件数", "top-issues": "主な課題（クラスタ）", "emerging": "新たな兆候", "churn-risk": "解約リスク",
        "effort": "手間と解決の質", "success": "成功・称賛", "feature-requests": "機能要望", "appendix": "付録",
    ]

    /// The lines under `## heading` up to the next `## `.
    static func markdownSection(_ anchor: String, of markdown: String) -> String? {
        guard let heading = headings[anchor] else { return nil }
        let lines = markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "## " + heading) else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    static func htmlEscaped(_ raw: String) -> String {
        raw.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func markdownEscaped(_ raw: String) -> String {
        var out = ""
        for c in raw {
            if "\\`*_[]<>|~#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
