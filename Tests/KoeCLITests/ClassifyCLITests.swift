import Foundation
import Testing

@Suite struct ClassifyCLITests {
    static let inputFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KoeKitTests/Fixtures/input")

    func objects(_ r: KoeRunner.Result) throws -> [[String: Any]] {
        try r.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func oneResultPerLineWhateverTheLineHolds() throws {
        var input = Data("ログインできません。\n\n".utf8)
        input += Data("abc".utf8) + Data([0xFF, 0xFE]) + Data("請求がおかしい\n".utf8)
        input += Data("NUL".utf8) + Data([0x00]) + Data("入り\n".utf8)
        input += Data(String(repeating: "対応が遅いです。", count: 130_000).utf8) + Data("\n".utf8)  // ~3 MB
        input += Data("最後の行".utf8)
        let r = try KoeRunner.run(["classify", "--no-text"], stdin: input)
        #expect(r.status == 0)
        let out = try objects(r)
        #expect(out.count == 6)
        #expect(out.map { $0["id"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(out[0]["stance"] as? String == "dissatisfaction")
        #expect(out[1]["skipped"] as? String == "blank text", "an empty line is no neutral record")
        #expect(out[4]["stance"] as? String == "dissatisfaction")
        #expect(r.stderr.contains(":3:"), "the repaired line is named: \(r.stderr)")
        #expect(r.stderr.contains("6 records"))
    }

    @Test func cp932CSVWithAMultiLineCell() throws {
        let path = Self.inputFixtures.appendingPathComponent("tickets-cp932.csv").path
        for encoding in ["cp932", "auto"] {
            let r = try KoeRunner.run(["classify", "--encoding", encoding, "--text-column", "本文", path])
            #expect(r.status == 0, "\(r.stderr)")
            let out = try objects(r)
            #expect(out.count == 3)
            #expect(out[0]["id"] as? String == "1001")
            #expect((out[0]["text"] as? String)?.contains("\n至急ご対応ください") == true)
            #expect(out[0]["stance"] as? String == "dissatisfaction")
            #expect(out[2]["signals"].map { "\($0)" }?.contains("churn_intent") == true)
        }
    }

    /// A review's title is part of what it says: classify reads the subject with the body, as
    /// the report does, and says which line was the subject.
    @Test func theSubjectIsClassifiedWithTheBody() throws {
        let input = "id,subject,body\nR1,★1 アプリが起動しない,昨日の夜からです\nR2,,とても助かりました\n"
        let r = try KoeRunner.run(["classify", "--input-format", "csv"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let out = try objects(r)
        #expect(out.count == 2)
        #expect(out[0]["stance"] as? String == "dissatisfaction")
        #expect(out[0]["subject"] as? String == "★1 アプリが起動しない")
        #expect(out[0]["text"] as? String == "★1 アプリが起動しない\n昨日の夜からです")
        #expect(out[1]["subject"] == nil, "an empty subject is no subject")
        #expect(out[1]["text"] as? String == "とても助かりました")
    }

    @Test func jsonlWithAMissingFieldYieldsAnErrorRecord() throws {
        let input = """
            {"id": "T-1", "body": "返金してほしい", "via": {"channel": "email"}}
            {"id": "T-2", "subject": "本文なし"}
            not json
            {"id": "T-4", "body": "とても助かりました"}

            """
        let r = try KoeRunner.run(["classify", "--input-format", "jsonl", "--keep-fields"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let out = try objects(r)
        #expect(out.count == 4)
        #expect(out[0]["id"] as? String == "T-1")
        #expect((out[0]["fields"] as? [String: Any])?["via"] != nil)
        #expect(out[1]["id"] as? String == "T-2")
        #expect(out[1]["error"] != nil)
        #expect(out[2]["error"] != nil)
        #expect(out[3]["stance"] as? String == "success")
    }

    @Test func strictFailsWith65OnBadRecordsButStillWritesThem() throws {
        let r = try KoeRunner.run(["classify", "--strict", "--input-format", "jsonl"], stdin: Data("{\"x\":1}\n".utf8))
        #expect(r.status == 65)
        #expect(r.lines.count == 1)
    }

    @Test func csvOutputAndUnknownColumnIsAUsageError() throws {
        let path = Self.inputFixtures.appendingPathComponent("tickets-utf8.csv").path
        let ok = try KoeRunner.run(["classify", "-f", "csv", "--no-text", path])
        #expect(ok.status == 0)
        #expect(ok.lines.first == "id,stance,dominant,score,topic,signals,error")
        let bad = try KoeRunner.run(["classify", "--text-column", "存在しない列", path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("存在しない列"))
    }

    @Test func sameOutputWithOneOrTwoJobs() throws {
        let lines = (0..<3000).map { i in ["ログインできません", "とても便利です", "解約します", "請求書の件"][i % 4] + "\(i)" }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let one = try KoeRunner.run(["classify", "--jobs", "1", "-q"], stdin: input)
        let two = try KoeRunner.run(["classify", "--jobs", "2", "-q"], stdin: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.lines.count == 3000)
        #expect(one.stdout == two.stdout)
    }

    @Test func explainShowsRulesAndOffsets() throws {
        let r = try KoeRunner.run(["explain", "サポートは丁寧だけど、結局解決しなかった", "朝食は美味しくなかった"])
        #expect(r.status == 0)
        #expect(r.out.contains("contrast"))
        #expect(r.out.contains("negation("))
        #expect(r.out.contains("stance:     mixed (dominant: dissatisfaction)"))
        #expect(r.out.contains("stance:     dissatisfaction"))
        #expect(r.out.contains(".tsv:"))
    }

    @Test func explainSaysWhichRequestsAreNotCounted() throws {
        // Two polite requests of equal weight: the first counts, the second is marked.
        // (見やすくしてください is a feature request line of its own since stop 26.)
        let r = try KoeRunner.run(["explain", "早くしてください。安くしてください"])
        #expect(r.status == 0)
        let marked = r.out.split(separator: "\n").filter { $0.contains("not counted: only the strongest request") }
        #expect(marked.count == 1)
        #expect(marked.first?.contains("安く") == true)
    }

    @Test func lexiconCheckReportsErrorsCompilerStyle() throws {
        let bad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KoeKitTests/Fixtures/lexicon-invalid").path
        let r = try KoeRunner.run(["lexicon", "check", bad])
        #expect(r.status == 78)
        #expect(r.stderr.contains("entries.tsv:2:7: error: unknown signal 'chrun_intent'"))
        let good = try KoeRunner.run(["lexicon", "check"])
        #expect(good.status == 0, "\(good.stderr)")
        let test = try KoeRunner.run(["lexicon", "test", "-q"])
        #expect(test.status == 0, "\(test.out)")
        #expect(test.out.contains("0 failed"))
    }
}
