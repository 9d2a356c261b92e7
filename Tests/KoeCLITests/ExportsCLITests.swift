import Foundation
import Testing

/// Real export shapes, end to end through the built binary and without format flags: ids,
/// dates, channels and texts land in the right fields, the stderr line names the columns, and
/// the weekly report over each fixture has records in its week (issue 14).
@Suite struct ExportsCLITests {
    static let exports = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exports")

    struct Export: Sendable, CustomStringConvertible {
        let file: String
        let ids: [String]
        /// The first record's subject line (nil: the export has none) and body: koe classifies
        /// them together, the subject first.
        let firstSubject: String?
        let firstText: String
        /// Pieces the stderr line must hold: what it was read as, and column ← field pairs.
        let mapping: [String]
        let recordsInW47: Int
        let channelsInW47: [String: Int]
        var description: String { file }
    }

    static let cases: [Export] = [
        Export(file: "zendesk-api-min.json", ids: ["5101", "5102", "5103", "5104"],
               firstSubject: "請求書の宛名について",
               firstText: "先月分の請求書の宛名が旧社名のままです。修正した請求書を再発行していただけますか。",
               mapping: ["read as a JSON document (4 records in \"tickets\")", "id ← id", "created_at ← created_at", "channel ← via.channel", "text ← description"],
               recordsInW47: 3, channelsInW47: ["email": 1, "web": 1, "chat": 1]),
        Export(file: "zendesk-api-pretty.json", ids: ["5101", "5102", "5103", "5104"],
               firstSubject: "請求書の宛名について",
               firstText: "先月分の請求書の宛名が旧社名のままです。修正した請求書を再発行していただけますか。",
               mapping: ["read as a JSON document (4 records in \"tickets\")", "id ← id", "created_at ← created_at", "channel ← via.channel"],
               recordsInW47: 3, channelsInW47: ["email": 1, "web": 1, "chat": 1]),
        Export(file: "freshdesk.csv", ids: ["FD-201", "FD-202", "FD-203", "FD-204"],
               firstSubject: "配送の遅れ",
               firstText: "注文した商品がまだ届きません。\n追跡番号を教えてください。",
               mapping: ["read as CSV (header: 15 columns)", "text ← Description", "id ← Ticket ID", "created_at ← Created time",
                         "channel ← Source", "account_id ← Company Name", "not used: Priority"],
               recordsInW47: 3, channelsInW47: ["Email": 1, "Portal": 1, "Chat": 1]),
        Export(file: "excel-cp932.csv", ids: ["Q-0001", "Q-0002", "Q-0003", "Q-0004"],
               firstSubject: "請求金額",
               firstText: "今月の請求金額が見積もりより高くなっています。\n内訳を確認させてください。",
               mapping: ["read as CSV (header: 8 columns, CP932)", "text ← 内容", "id ← 問い合わせ番号", "created_at ← 受付日時",
                         "channel ← 対応チャネル", "customer_id ← 顧客ID", "rating ← 評価", "not used: 担当者"],
               recordsInW47: 3, channelsInW47: ["メール": 2, "電話": 1]),
        Export(file: "google-forms.csv", ids: ["1", "2", "3", "4"],
               firstSubject: nil,
               firstText: "画面が見やすくなって使いやすいです。",
               mapping: ["read as CSV (header: 4 columns)", "text ← サービスについてのご意見・ご要望をお聞かせください",
                         "created_at ← タイムスタンプ", "rating ← サービスの満足度を教えてください"],
               recordsInW47: 2, channelsInW47: ["unknown": 2]),
        Export(file: "excel-unicode.txt", ids: ["U-1", "U-2", "U-3"],
               firstSubject: nil,
               firstText: "通知が届かなくなりました。設定は変えていません。",
               mapping: ["read as TSV (header: 4 columns, UTF-16LE)", "text ← 本文", "id ← チケット番号", "created_at ← 受付日時", "channel ← チャネル"],
               recordsInW47: 2, channelsInW47: ["チャット": 1, "メール": 1]),
    ]

    static func objects(_ r: KoeRunner.Result) throws -> [[String: Any]] {
        try r.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    static func id(_ object: [String: Any]) -> String? { object["id"].map { "\($0)" } }

    @Test(arguments: cases)
    func classifyReadsTheExportAsItIs(export: Export) throws {
        let path = Self.exports.appendingPathComponent(export.file).path
        for input in [(args: [path], stdin: Data()), (args: [], stdin: try Data(contentsOf: URL(fileURLWithPath: path)))] {
            let r = try KoeRunner.run(["classify"] + input.args, stdin: input.stdin)
            #expect(r.status == 0, "\(r.stderr)")
            let out = try Self.objects(r)
            #expect(out.map(Self.id) == export.ids)
            #expect(out.first?["subject"] as? String == export.firstSubject)
            #expect(out.first?["text"] as? String == (export.firstSubject.map { $0 + "\n" } ?? "") + export.firstText)
            let line = try #require(r.stderr.split(separator: "\n").first.map(String.init))
            for piece in export.mapping { #expect(line.contains(piece), "\(piece) in \(line)") }
        }
    }

    @Test(arguments: cases)
    func theWeeklyReportHasRecordsInItsWeek(export: Export) throws {
        let r = try KoeRunner.run(["report", export.file, "--week", "2026-W47", "--format", "json", "-q"], in: Self.exports)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["records_in_week"] as? Int == export.recordsInW47)
        let channels = try #require((object["volume"] as? [String: Any])?["channels"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for c in channels { if let name = c["channel"] as? String, let n = c["count"] as? Int, n > 0 { counts[name] = n } }
        #expect(counts == export.channelsInW47)
    }

    @Test func aBlankAnswerIsASkippedRecordAndNotANeutralOne() throws {
        let r = try KoeRunner.run(["classify", "google-forms.csv", "--no-text"], in: Self.exports)
        let out = try Self.objects(r)
        #expect(out.count == 4)
        #expect(out[2]["skipped"] as? String == "blank text")
        #expect(out[2]["stance"] == nil)
        #expect(out[2]["source"] as? String == "google-forms.csv:4")
        #expect(r.stderr.contains("1 blank (skipped)"), "\(r.stderr)")
        let report = try KoeRunner.run(["report", "google-forms.csv", "--week", "2026-W47", "--format", "json", "-q"], in: Self.exports)
        let header = try #require((try JSONSerialization.jsonObject(with: report.stdout) as? [String: Any])?["header"] as? [String: Any])
        #expect((header["skipped"] as? [String: Int])?["blank_text"] == 1)
    }

    @Test func jsonLinesOnStdinWithTheTextField() throws {
        let r = try KoeRunner.run(["classify", "--text-field", "body"], stdin: Data("{\"id\":\"a1\",\"body\":\"返信が来ません\"}\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.objects(r)
        #expect(out.map(Self.id) == ["a1"])
        #expect(out[0]["stance"] as? String == "dissatisfaction")
        let jsonl = "{\"id\":\"j1\",\"body\":\"助かりました\"}\n{\"id\":\"j2\",\"body\":\"遅すぎます\"}\n"
        let plain = try KoeRunner.run(["classify"], stdin: Data(jsonl.utf8))
        #expect(try Self.objects(plain).map(Self.id) == ["j1", "j2"])
        #expect(plain.stderr.hasPrefix("koe: <stdin>: read as JSON Lines; text ← body, id ← id\n"), "\(plain.stderr)")
        let quiet = try KoeRunner.run(["classify", "-q"], stdin: Data(jsonl.utf8))
        #expect(quiet.stderr.isEmpty, "-q silences the mapping line: \(quiet.stderr)")
    }

    @Test func csvOnStdinDoesNotClassifyTheHeader() throws {
        let csv = "id,body,created_at\nc1,ログインできません,2026-11-17 10:00\nc2,\"とても\n便利です\",2026-11-18 11:00\n"
        let r = try KoeRunner.run(["classify"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.objects(r)
        #expect(out.map(Self.id) == ["c1", "c2"])
        #expect(out[1]["text"] as? String == "とても\n便利です")
        #expect(r.stderr.hasPrefix("koe: <stdin>: read as CSV (header: 3 columns); text ← body, id ← id, created_at ← created_at\n"), "\(r.stderr)")
    }

    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00] as [UInt8], "gzip"),
        (Array("PK\u{3}\u{4}\u{14}\0\0\0[Content_Types].xml".utf8), ".xlsx"),
    ])
    func compressedAndSpreadsheetInputIsRefused(bytes: [UInt8], word: String) throws {
        let r = try KoeRunner.run(["classify"], stdin: Data(bytes))
        #expect(r.status == 65)
        #expect(r.out.isEmpty)
        #expect(r.stderr.contains(word), "\(r.stderr)")
    }
}
