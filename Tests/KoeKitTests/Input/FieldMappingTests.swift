import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct FieldMappingTests {
        @Test func japaneseHeadersMapByDefault() throws {
            let csv = "チケット番号,件名,本文,作成日時,窓口,会社ID,顧客ID,プラン,ステータス,タグ,満足度,メモ\n"
                + "T-1,遅い,画面が重い,2026-11-17 09:00,電話,C9,U3,Pro,対応中,\"性能,UI\",2,社内用\n"
            let r = try InputTest.readAllWays(csv, .csv).records[0]
            #expect(r.id == "T-1")
            #expect(r.subject == "遅い")
            #expect(r.text == "画面が重い")
            #expect(r.createdAt == "2026-11-17 09:00")
            #expect(r.channel == "電話")
            #expect(r.accountID == "C9")
            #expect(r.customerID == "U3")
            #expect(r.plan == "Pro")
            #expect(r.status == "対応中")
            #expect(r.tags == "性能,UI")
            #expect(r.rating == "2")
            #expect(r.fields.last == RecordField(name: "メモ", value: "社内用"))
        }

        @Test(arguments: [
            ("body,description,text\nB,D,T\n", "B"),
            ("text,description\nT,D\n", "D"),
            ("コメント,お問い合わせ内容\nC,O\n", "O"),
            (" Body ,x\nB,X\n", "B"),
            ("DESCRIPTION_TEXT\nD\n", "D"),
            ("id,\u{3000}本文\u{3000}\n1,B\n", "B"),
        ])
        func firstDefaultPresentWins(csv: String, text: String) throws {
            #expect(try InputTest.readAllWays(csv, .csv).texts == [text])
        }

        @Test func explicitNamesOverrideDefaults() throws {
            let csv = "本文,作成日時,問い合わせ本文,受付\n既定,2026-01-01,明示,2026-02-02\n"
            let mapping = FieldMapping(text: "問い合わせ本文", createdAt: "受付")
            let r = try InputTest.readAllWays(csv, .csv, mapping: mapping).records[0]
            #expect(r.text == "明示")
            #expect(r.createdAt == "2026-02-02")
        }

        @Test func emptyCellsAreAbsentExceptText() throws {
            let r = try InputTest.readAllWays("id,本文,件名\n,,\n", .csv).records[0]
            #expect(r.text == "")
            #expect(r.id == nil)
            #expect(r.subject == nil)
        }

        @Test func anExplicitColumnMissingFromTheHeaderIsAUsageError() throws {
            let thrown = InputError.unknownField(path: "t.csv", name: "内容詳細", role: "text", available: ["id", "本文"])
            #expect(throws: thrown) {
                _ = try InputTest.read(bytes: Array("id,本文\n1,x\n".utf8), .csv, name: "t.csv", mapping: FieldMapping(text: "内容詳細"))
            }
            #expect(thrown.description == "t.csv: error: no column '内容詳細' for text; the header has: 'id', '本文'")
        }

        @Test func noTextColumnIsAUsageError() throws {
            #expect(throws: InputError.noTextField(path: "t.csv", tried: FieldRole.text.defaultNames, available: ["id", "件名"])) {
                _ = try InputTest.read(bytes: Array("id,件名\n1,x\n".utf8), .csv, name: "t.csv")
            }
        }

        @Test(arguments: [
            ("a.jsonl", InputFormat.jsonl), ("A.NDJSON", .jsonl), ("export.json", .jsonl), ("x.csv", .csv),
            ("dir.v2/x.TSV", .tsv), ("notes.txt", .text), ("README", .text), (".csv", .text), ("-", .text),
        ])
        func formatIsGuessedFromTheExtension(path: String, format: InputFormat) {
            #expect(InputFormat.guess(path: path) == format)
        }

        @Test func formatOfStandardInputIsText() {
            #expect(InputFormat.guess(path: nil) == .text)
        }

        @Test func everyRoleHasDefaultsAndAMappingSlot() {
            for role in FieldRole.allCases {
                #expect(!role.defaultNames.isEmpty, "\(role)")
                var mapping = FieldMapping()
                mapping[role] = "x"
                #expect(mapping.candidates(for: role) == ["x"], "\(role)")
                var record = Record(number: 1, source: "s", line: 1)
                record[role] = "v"
                #expect(record[role] == "v", "\(role)")
            }
        }
    }
}
