import Foundation
import Testing

/// `-o FILE` picks the format from the extension unless `--format` says otherwise (issue 14).
@Suite struct ReportOutputFormatCLITests {
    @Test(arguments: [("voc.html", "<!DOCTYPE html>"), ("voc.JSON", "{"), ("voc.md", "# 週次VOCレポート"), ("voc.txt", "# 週次VOCレポート")])
    func theExtensionNamesTheFormat(file: String, start: String) throws {
        let report = "\"$K\" report '\(ReportCLITests.input)' --week 2026-W47 -q -o \(file)"
        try KoeRunner.shell(report) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix(start), "\(text.prefix(80))")
        }
    }

    @Test func anExplicitFormatWinsWithAWarning() throws {
        let report = "\"$K\" report '\(ReportCLITests.input)' --week 2026-W47 --format markdown -o voc.html"
        try KoeRunner.shell(report) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOf: dir.appendingPathComponent("voc.html"), encoding: .utf8)
            #expect(text.hasPrefix("# 週次VOCレポート"))
            #expect(r.stderr.contains("warning: writing markdown to voc.html"), "\(r.stderr)")
        }
    }
}
