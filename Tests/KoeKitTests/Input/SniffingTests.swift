import Foundation
import Testing
@testable import KoeKit

extension InputTests {
    /// Without `--input-format` the content decides, and the reader says what it chose.
    @Suite struct SniffingTests {
        @Test func jsonLinesOnStdin() throws {
            let (r, layout) = try InputTest.sniffed("{\"id\":\"a1\",\"body\":\"返信が来ません\"}\n{\"id\":\"a2\",\"body\":\"早い\"}\n")
            #expect(layout.format == .jsonl)
            #expect(r.records.map(\.id) == ["a1", "a2"])
            #expect(layout.summary == "<stdin>: read as JSON Lines; text ← body, id ← id")
        }

        @Test(arguments: [false, true])
        func aZendeskAPIResponseMinifiedOrPretty(pretty: Bool) throws {
            let tickets = [
                "{\"id\":35436,\"created_at\":\"2026-11-17T00:05:00Z\",\"subject\":\"ログイン\",\"description\":\"ログインできません\",\"via\":{\"channel\":\"email\"},\"custom_fields\":[{\"id\":1,\"value\":null}]}",
                "{\"id\":35437,\"created_at\":\"2026-11-18T02:00:00Z\",\"subject\":\"お礼\",\"description\":\"助かりました\",\"via\":{\"channel\":\"web\"},\"custom_fields\":[]}",
            ]
            let text = pretty
                ? "{\n  \"tickets\": [\n    " + tickets.joined(separator: ",\n    ") + "\n  ],\n  \"count\": 2\n}\n"
                : "{\"tickets\":[" + tickets.joined(separator: ",") + "],\"next_page\":null,\"count\":2}"
            let (r, layout) = try InputTest.sniffed(text)
            #expect(layout.format == .json)
            #expect(r.records.map(\.id) == ["35436", "35437"])
            #expect(r.texts == ["ログインできません", "助かりました"])
            #expect(r.records.map(\.channel) == ["email", "web"])
            #expect(r.records.map(\.createdAt) == ["2026-11-17T00:05:00Z", "2026-11-18T02:00:00Z"])
            #expect(r.lines == (pretty ? [3, 4] : [1, 1]))
            #expect(layout.summary.hasPrefix("<stdin>: read as a JSON document (2 records in \"tickets\"); text ← description, id ← id, subject ← subject, created_at ← created_at, channel ← via.channel; not used: custom_fields"), "\(layout.summary)")
        }

        @Test func concatenatedAPIPagesOneOnEachLineAreUnpacked() throws {
            let pages = "{\"tickets\":[{\"id\":1,\"description\":\"一\"},{\"id\":2,\"description\":\"二\"}],\"next_page\":\"p2\"}\n"
                + "{\"tickets\":[{\"id\":3,\"description\":\"三\"}],\"next_page\":null}\n"
            let (r, layout) = try InputTest.sniffed(pages)
            #expect(layout.format == .json)
            #expect(r.records.map(\.id) == ["1", "2", "3"])
            #expect(r.lines == [1, 1, 2])
            #expect(layout.detail == "3 records in \"tickets\", \"tickets\"")
        }

        @Test func aRecordHoldingAnArrayOfObjectsIsARecordNotAWrapper() throws {
            let (r, layout) = try InputTest.sniffed("{\"id\":7,\"description\":\"遅い\",\"custom_fields\":[{\"id\":1}]}")
            #expect(layout.format == .json)
            #expect(r.records.map(\.id) == ["7"])
            #expect(r.texts == ["遅い"])
        }

        @Test func aTopLevelArrayAndASyntaxErrorKeepWhatCameBefore() throws {
            let (r, layout) = try InputTest.sniffed("[\n {\"body\": \"一件目\"},\n {\"body\": \"二件目\"}\n]\n[{\"body\": oops}]")
            #expect(layout.format == .json)
            #expect(r.texts.prefix(2) == ["一件目", "二件目"])
            #expect(r.records.count == 3)
            #expect(r.errors[2] == "line 5: invalid JSON at line 5, byte 11: expected a value; the rest of the input is not read")
        }

        @Test func aBrokenFirstJSONLineDoesNotSwallowTheRest() throws {
            let (r, layout) = try InputTest.sniffed("{\"body\": \"壊れ\n{\"body\": \"正常\"}\n")
            #expect(layout.format == .jsonl)
            #expect(r.records.count == 2)
            #expect(r.errors[0] != nil)
            #expect(r.texts[1] == "正常")
        }

        @Test(arguments: [
            "[至急] ログインできません\n[重要] 請求書が届きません\n",
            "{重要} 請求の件:\n返金してください\n",
            "[",
            "[1] 請求書の件\n[2] 返金の件\n",
            "text, please call me back\n",
        ])
        func textThatOnlyStartsLikeJSONIsText(text: String) throws {
            let (r, layout) = try InputTest.sniffed(text)
            #expect(layout.format == .text)
            #expect(r.errors.allSatisfy { $0 == nil })
        }

        @Test func csvAndTSVWithAHeaderAreTablesAndTheHeaderIsNoRecord() throws {
            let (csv, csvLayout) = try InputTest.sniffed("Ticket ID,Subject,Description,Status\n1,件名,\"複数行の\n本文\",Open\n2,件名,短い,Closed\n")
            #expect(csvLayout.format == .csv)
            #expect(csv.records.map(\.id) == ["1", "2"])
            #expect(csv.texts == ["複数行の\n本文", "短い"])
            #expect(csvLayout.summary == "<stdin>: read as CSV (header: 4 columns); text ← Description, id ← Ticket ID, subject ← Subject, status ← Status")
            let (tsv, tsvLayout) = try InputTest.sniffed("番号\t内容\t備考\nA\tあいう\tx\n")
            #expect(tsvLayout.format == .tsv)
            #expect(tsv.texts == ["あいう"])
            #expect(tsvLayout.unused == ["備考"])
        }

        @Test func proseWithCommasStaysTextAndSaysWhy() throws {
            let text = "料金は高い,でも便利です\nサポートが遅い,改善してほしい\n画面が重い,困っています\n"
            let (r, layout) = try InputTest.sniffed(text)
            #expect(layout.format == .text)
            #expect(r.records.count == 3)
            #expect(layout.notes.first?.contains("none is a known text column") == true)
        }

        /// A header that names the text column but a quote left open after it: nothing is lost
        /// (three text lines), and the note gives that reason, not "no known text column".
        @Test func aQuoteLeftOpenAfterAKnownHeaderSaysSo() throws {
            let (r, layout) = try InputTest.sniffed("id,text\n1,\"unterminated\n2,ok\n")
            #expect(layout.format == .text)
            #expect(r.records.count == 3)
            #expect(layout.notes.first?.contains("a quote left open?") == true, "\(layout.notes)")
            #expect(layout.notes.first?.contains("none is a known text column") == false, "\(layout.notes)")
        }

        @Test func aCSVFileNameSettlesWhatTheContentLeavesOpen() throws {
            // One column: no separator to go by.
            let (r, layout) = try InputTest.sniffed("本文\nあいう\nえお\n", name: "a.csv")
            #expect(layout.format == .csv)
            #expect(r.texts == ["あいう", "えお"])
        }

        @Test func carriageReturnOnlyLineBreaksEndLines() throws {
            let (r, layout) = try InputTest.sniffed("一行目\r二行目\r三行目\r")
            #expect(r.texts == ["一行目", "二行目", "三行目"])
            #expect(layout.notes.contains { $0.contains("CR only") })
            let (csv, _) = try InputTest.sniffed("id,body\r1,あ\r2,い\r")
            #expect(csv.texts == ["あ", "い"])
        }

        @Test func optionsImplyTheirFormatAndConflictsAreUsageErrors() throws {
            let (r, layout) = try InputTest.sniffed("ただの文\n", implied: .json)
            #expect(layout.format == .jsonl)
            #expect(r.errors[0]?.contains("not a JSON object") == true)
            #expect(throws: InputError.self) { _ = try InputTest.sniffed("id,body\n1,x\n", implied: .json) }
            #expect(throws: InputError.self) { _ = try InputTest.sniffed("{\"body\":\"x\"}\n", implied: .table) }
        }

        /// Bytes without NUL that look like compressed or encrypted data (every value 1…251 in
        /// turn): the control bytes give them away.
        static let pseudoRandomBytes: [UInt8] = (0..<2000).map { UInt8(($0 * 7919 + 13) % 251 + 1) }

        @Test(arguments: [
            ([0x1F, 0x8B, 0x08, 0x00, 0x00] as [UInt8], "a gzip file"),
            (Array("PK\u{3}\u{4}xl/workbook.xml".utf8), "a ZIP archive"),
            (Array(repeating: 0, count: 64) + Array("abc".utf8), "binary data"),
            (SniffingTests.pseudoRandomBytes, "binary data"),
        ])
        func binaryInputIsRefused(bytes: [UInt8], kind: String) throws {
            do {
                _ = try InputTest.sniffed(bytes: bytes)
                Issue.record("not refused")
            } catch let InputError.unsupportedInput(_, found, advice) {
                #expect(found.hasPrefix(kind))
                #expect(!advice.isEmpty)
            }
        }
    }
}
