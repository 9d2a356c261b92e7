import Foundation
import Testing

/// Inputs without --input-format: the content decides, and stderr says what was chosen
/// (issue 14). Fixtures written for this test.
@Suite struct InputSniffingCLITests {
    static func records(_ r: KoeRunner.Result) throws -> [[String: Any]] {
        try r.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func jsonLinesOnStdinWithATextField() throws {
        let r = try KoeRunner.run(["classify", "--text-field", "body", "--no-text"], stdin: Data(#"{"id":"a1","body":"返信が来ません"}"#.utf8 + [0x0A]))
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.records(r)
        #expect(rows.count == 1 && rows[0]["id"] as? String == "a1" && rows[0]["stance"] as? String == "dissatisfaction", "\(r.out)")
        #expect(r.stderr.contains("read as JSON Lines"), "\(r.stderr)")
    }

    @Test func csvOnStdinIsNotReadAsTextLines() throws {
        let csv = "チケット番号,本文,チャネル\nQ-1,\"ログインできません。\nSMSが来ません\",メール\nQ-2,とても助かりました,チャット\n"
        let r = try KoeRunner.run(["classify", "--no-text", "--keep-fields"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.records(r)
        #expect(rows.map { $0["id"] as? String } == ["Q-1", "Q-2"], "\(r.out)")
        #expect(rows.map { $0["stance"] as? String } == ["dissatisfaction", "success"])
        #expect(r.stderr.contains("read as CSV"), "\(r.stderr)")
    }

    @Test(arguments: [
        #"{"tickets":[{"id":101,"description":"アプリが起動しません"},{"id":102,"description":"丁寧な対応でした"}],"next_page":null}"#,
        "{\n  \"tickets\": [\n    {\"id\": 101, \"description\": \"アプリが起動しません\"},\n    {\"id\": 102, \"description\": \"丁寧な対応でした\"}\n  ]\n}\n",
        "[\n {\"id\": 101, \"description\": \"アプリが起動しません\"},\n {\"id\": 102, \"description\": \"丁寧な対応でした\"}\n]",
    ])
    func wholeJSONDocumentsGiveTheirRecords(document: String) throws {
        let r = try KoeRunner.run(["classify", "--no-text"], stdin: Data(document.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.records(r)
        #expect(rows.map { $0["id"] as? String } == ["101", "102"], "\(r.out)\(r.stderr)")
        #expect(rows.map { $0["stance"] as? String } == ["dissatisfaction", "success"])
        #expect(r.stderr.contains("read as a JSON document"), "\(r.stderr)")
    }

    @Test func aJSONObjectWithoutRecordsIsRefusedWithAHint() throws {
        let r = try KoeRunner.run(["classify"], stdin: Data("{\n \"meta\": {\"count\": 0}\n}\n".utf8))
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("jq -c"), "\(r.stderr)")
    }

    @Test func excelUnicodeTextIsDecodedAsUTF16() throws {
        let text = "問い合わせ番号\t内容\r\nK-7\tログインできません\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try KoeRunner.shell("\"$K\" classify --no-text export.txt", setUp: { dir in
            try Data(bytes).write(to: dir.appendingPathComponent("export.txt"))
        }) { _, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.out.contains(#""stance":"dissatisfaction""#), "\(r.out)")
            #expect(r.lines.count == 1, "\(r.out)")
            #expect(r.stderr.contains("decoded as UTF-16"), "\(r.stderr)")
        }
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] as [UInt8], "ZIP archive"),
        ([0x1F, 0x8B, 0x08, 0x00] as [UInt8], "gzip"),
        ([0x41, 0x00, 0x42, 0x00] as [UInt8], "binary data"),
    ])
    func workbooksArchivesAndBinaryAreRefused(bytes: [UInt8], named: String) throws {
        let r = try KoeRunner.run(["classify"], stdin: Data(bytes))
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains(named), "\(r.stderr)")
        #expect(r.out.isEmpty)
    }

    @Test func aLineOfTextWithACommaStaysText() throws {
        let r = try KoeRunner.run(["classify", "--no-text"], stdin: Data("はい, 先週からずっとログインできません\n".utf8))
        #expect(r.status == 0)
        #expect(try Self.records(r).first?["stance"] as? String == "dissatisfaction", "\(r.out)")
        #expect(!r.stderr.contains("read as"), "\(r.stderr)")
    }
}
