import Testing
@testable import KoeKit

extension InputTests {
    /// Broken CSV: every case names the message it must produce, and nothing after the broken
    /// spot may be lost.
    @Suite struct CSVRecoveryTests {
        @Test func unterminatedQuoteAtEndIsReportedAndLaterRowsSurvive() throws {
            let bytes = try InputTest.fixtureBytes("unterminated-eof.csv")
            let result = try InputTest.readAllWays(bytes: bytes, .csv, name: "unterminated-eof.csv")
            #expect(result.diagnostics == ["unterminated-eof.csv:3:3: error: unterminated quoted field (opened here)"])
            #expect(result.records.map(\.id) == ["1", "2", "3", "4"])
            #expect(result.lines == [2, 3, 4, 5])
            #expect(result.errors == [nil, "line 3: unterminated quoted field (opened here)", nil, nil])
            #expect(result.texts == ["first ok", "broken, never closed", "third", "plain"])
            #expect(result.records[1].fields.map(\.value) == ["2", "broken, never closed", ""])
        }

        @Test func strayQuoteClosedByALaterQuoteIsTreatedAsUnterminated() throws {
            let bytes = try InputTest.fixtureBytes("stray-quote.csv")
            let result = try InputTest.readAllWays(bytes: bytes, .csv, name: "stray-quote.csv")
            #expect(result.diagnostics == [
                "stray-quote.csv:3:3: error: unterminated quoted field (opened here; the quote at line 5, byte 3 "
                    + "is followed by text, not a separator)",
            ])
            #expect(result.records.map(\.id) == ["1", "2", "3", "4", "5"])
            #expect(result.lines == [2, 3, 4, 5, 7])
            #expect(result.records[1].error?.hasPrefix("line 3: unterminated quoted field") == true)
            #expect(result.texts == ["first ok", "broken, never closed", "third", "fourth\nspans two lines", "fifth"])
        }

        @Test func unterminatedQuoteOnTheLastLine() throws {
            let result = try InputTest.readAllWays("id,body\n1,ok\n2,\"open", .csv, name: "t.csv")
            #expect(result.diagnostics == ["t.csv:3:3: error: unterminated quoted field (opened here)"])
            #expect(result.texts == ["ok", "open"])
            #expect(result.errors == [nil, "line 3: unterminated quoted field (opened here)"])
        }

        @Test func unterminatedQuoteAfterAMultiLineCellKeepsTheRowsStartLine() throws {
            let input = "id,body,note\n1,\"a\nb\",\"never\nclosed\n2,x,y\n"
            let result = try InputTest.readAllWays(input, .csv, name: "t.csv")
            #expect(result.diagnostics == [
                "t.csv:3:4: error: unterminated quoted field (opened here)",
                "t.csv:4:1: warning: row has 1 of 3 fields; the missing ones are empty",
            ])
            #expect(result.lines == [2, 4, 5])
            #expect(result.records[0].fields.map(\.value) == ["1", "a\nb", "never"])
            #expect(result.records[0].error == "line 3: unterminated quoted field (opened here)")
            #expect(result.records[1].id == "closed")
            #expect(result.records[2].text == "x")
        }

        struct Ragged: CustomTestStringConvertible, Sendable {
            let input: String
            let fields: [RecordField]
            let diagnostic: String
            var testDescription: String { input.debugDescription }
        }

        @Test(arguments: [
            Ragged(input: "id,body,status\n1,a\n", fields: [
                RecordField(name: "id", value: "1"), RecordField(name: "body", value: "a"),
                RecordField(name: "status", value: ""),
            ], diagnostic: "t.csv:2:1: warning: row has 2 of 3 fields; the missing ones are empty"),
            Ragged(input: "id,body\n1,a,x,\"y\"\n", fields: [
                RecordField(name: "id", value: "1"), RecordField(name: "body", value: "a"),
                RecordField(name: "_extra1", value: "x"), RecordField(name: "_extra2", value: "y"),
            ], diagnostic: "t.csv:2:1: warning: row has 4 fields, the header 2; extra fields kept as _extra1…_extra2"),
            Ragged(input: "id,body\n1,a,x\n", fields: [
                RecordField(name: "id", value: "1"), RecordField(name: "body", value: "a"),
                RecordField(name: "_extra1", value: "x"),
            ], diagnostic: "t.csv:2:1: warning: row has 3 fields, the header 2; extra fields kept as _extra1"),
        ])
        func raggedRowsAreKeptWithAWarning(_ c: Ragged) throws {
            let result = try InputTest.readAllWays(c.input, .csv, name: "t.csv")
            #expect(result.records.count == 1)
            #expect(result.records[0].fields == c.fields)
            #expect(result.records[0].error == nil)
            #expect(result.diagnostics == [c.diagnostic])
            #expect(result.records[0].warnings.count == 1)
        }

        @Test(arguments: [
            ("id,body\n1,say \"hi\" now\n", "say \"hi\" now", "t.csv:2:7: warning: quote inside an unquoted field kept as a character"),
            ("id,body\n1,\"quoted\" tail\n", "quoted tail", "t.csv:2:11: warning: text after a closing quote kept in the field"),
            ("id,body,x\n1,\"a\nb\" ,x\n", "a\nb ", "t.csv:3:3: warning: text after a closing quote kept in the field"),
        ])
        func strayQuotesOnOneLineAreKeptWithAWarning(input: String, text: String, diagnostic: String) throws {
            let result = try InputTest.readAllWays(input, .csv, name: "t.csv")
            #expect(result.texts == [text])
            #expect(result.diagnostics == [diagnostic])
            #expect(result.errors == [nil])
        }

        @Test func duplicateAndEmptyHeaderNamesAreReported() throws {
            let result = try InputTest.readAllWays("id,body,,ID\n1,a,b,2\n", .csv, name: "t.csv")
            #expect(result.columns == ["id", "body", "_column3", "ID"])
            #expect(result.diagnostics == [
                "t.csv:1: warning: column 3 has no name in the header; named '_column3'",
                "t.csv:1: warning: duplicate column name 'ID' (columns 1 and 4); the first is used",
            ])
            #expect(result.records[0].id == "1")
        }

        @Test func unterminatedQuoteInTheHeaderIsThrown() throws {
            #expect(throws: InputError.invalidHeader(path: "t.csv", line: 1, column: 4, message: "unterminated quoted field (opened here)")) {
                _ = try InputTest.read(bytes: Array("id,\"body\n1,a\n".utf8), .csv, name: "t.csv")
            }
        }

        @Test func invalidUTF8InACellIsRepairedWithItsPosition() throws {
            var bytes = Array("id,body\n1,\"ok\nab".utf8)
            bytes += [0xFF, 0xFE]
            bytes += Array("c\"\n2,fine\n".utf8)
            let result = try InputTest.readAllWays(bytes: bytes, .csv, name: "t.csv", encoding: .utf8)
            #expect(result.texts == ["ok\nab\u{FFFD}\u{FFFD}c", "fine"])
            #expect(result.diagnostics == ["t.csv:3:3: warning: invalid UTF-8 replaced with U+FFFD at byte 3"])
            #expect(result.records[0].warnings == ["line 3: invalid UTF-8 replaced with U+FFFD at byte 3"])
        }
    }
}
