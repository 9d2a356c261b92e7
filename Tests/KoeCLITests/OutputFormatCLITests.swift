import Foundation
import Testing

/// `-o FILE` takes the format from FILE's extension unless `--format` says otherwise.
@Suite struct OutputFormatCLITests {
    static let input = ExportsCLITests.exports.appendingPathComponent("freshdesk.csv").path

    func contents(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func reportFollowsTheExtension() throws {
        try KoeRunner.shell("""
            "$K" report "\(Self.input)" --week 2026-W47 -q -o voc.html && "$K" report "\(Self.input)" --week 2026-W47 -q -o voc.json \
            && "$K" report "\(Self.input)" --week 2026-W47 -q -o voc.md && "$K" report "\(Self.input)" --week 2026-W47 -q -f markdown -o forced.html
            """) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try contents(dir, "voc.html").hasPrefix("<!DOCTYPE html>"))
            let json = try contents(dir, "voc.json")
            #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
            #expect(try contents(dir, "voc.md").hasPrefix("#"))
            #expect(try contents(dir, "forced.html").hasPrefix("#"), "--format wins over the extension")
        }
        let wrong = try KoeRunner.run(["report", Self.input, "--week", "2026-W47", "-o", "/tmp/koe-never-written.csv"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--format"), "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/koe-never-written.csv"))
    }

    @Test func classifyWritesToAFileInTheFormatOfItsExtension() throws {
        try KoeRunner.shell("""
            "$K" classify "\(Self.input)" --no-text -q -o out.csv && "$K" classify "\(Self.input)" --no-text -q -o out.jsonl \
            && "$K" classify "\(Self.input)" --no-text -q -o out.tsv
            """) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.out.isEmpty, "nothing on stdout")
            let csv = try contents(dir, "out.csv").split(separator: "\n")
            #expect(csv.first == "id,stance,dominant,score,topic,signals,error")
            #expect(csv.count == 5)
            #expect(try contents(dir, "out.jsonl").hasPrefix("{\"id\":\"FD-201\""))
            #expect(try contents(dir, "out.tsv").hasPrefix("id\tstance"))
        }
        #expect(try KoeRunner.run(["classify", Self.input, "-o", "/tmp/koe-never-written.html"]).status == 64)
    }
}
