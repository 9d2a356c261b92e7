import Foundation
import Testing

/// `koe cluster` end to end: what it writes, and that input it cannot use is no success.
@Suite struct ClusterCLITests {
    static let texts = [
        "注文した料理が1時間たっても届かない。", "料理がまだ届かない。配達が遅すぎます。", "今日も料理が届かない。40分も過ぎています。",
        "領収書の宛名を変更できますか。",
    ]

    @Test func groupsClassifiedRecordsAndSaysWhatItFound() throws {
        let classified = try KoeRunner.run(["classify"], stdin: Data(Self.texts.joined(separator: "\n").utf8))
        #expect(classified.status == 0)
        let r = try KoeRunner.run(["cluster"], stdin: classified.stdout)
        #expect(r.status == 0, "\(r.stderr)")
        let clusters = try r.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let issue = try #require(clusters.first { $0["kind"] as? String == "issue" })
        #expect(Set(issue["members"] as! [String]) == ["1", "2", "3"])
        #expect((issue["label"] as! String).contains("届"))
        #expect(r.stderr.contains("4 record(s): 1 issue cluster(s) holding 3 of 4 record(s)"), "\(r.stderr)")
    }

    /// classify writes a line for a blank text too ("skipped"): cluster passes over it quietly.
    @Test func classifyLinesWithoutLabelsArePassedOverWithoutWarnings() throws {
        let classified = try KoeRunner.run(["classify"], stdin: Data((Self.texts + [""]).joined(separator: "\n").utf8 + [0x0A]))
        #expect(classified.out.contains(#""skipped""#), "\(classified.out)")
        let r = try KoeRunner.run(["cluster"], stdin: classified.stdout)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("warning"), "\(r.stderr)")
        #expect(r.stderr.contains("1 classify line(s) without labels (skipped or error) passed over"), "\(r.stderr)")
    }

    @Test func emptyInputIsNoInput() throws {
        let r = try KoeRunner.run(["cluster"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no input records"))
    }

    @Test func recordsWithoutTextAreADataErrorWithAHint() throws {
        let classified = try KoeRunner.run(["classify", "--no-text"], stdin: Data(Self.texts.joined(separator: "\n").utf8))
        let r = try KoeRunner.run(["cluster"], stdin: classified.stdout)
        #expect(r.status == 65)
        #expect(r.out.isEmpty)
        #expect(r.stderr.contains("none of 4 line(s)"))
        #expect(r.stderr.contains("--no-text"))
    }

    @Test func skippedLinesAreNamedUpToALimitThenCounted() throws {
        let input = (1...12).map { "plain text \($0)" }.joined(separator: "\n")
        let r = try KoeRunner.run(["cluster"], stdin: Data(input.utf8))
        #expect(r.status == 65)
        #expect(r.stderr.components(separatedBy: "warning:").count - 1 == 5)
        #expect(r.stderr.contains("7 more line(s)"))
    }
}
