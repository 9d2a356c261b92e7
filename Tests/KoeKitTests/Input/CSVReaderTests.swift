import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct CSVReaderTests {
        struct Case: CustomTestStringConvertible, Sendable {
            let label: String
            let input: String
            let format: InputFormat
            let rows: [[String]]
            let lines: [Int]
            var testDescription: String { label }
        }

        static let cases: [Case] = [
            Case(label: "LF rows", input: "id,body\n1,a\n2,b\n", format: .csv,
                 rows: [["1", "a"], ["2", "b"]], lines: [2, 3]),
            Case(label: "CRLF rows", input: "id,body\r\n1,a\r\n2,b\r\n", format: .csv,
                 rows: [["1", "a"], ["2", "b"]], lines: [2, 3]),
            Case(label: "BOM", input: "\u{FEFF}id,body\r\n1,a\r\n", format: .csv,
                 rows: [["1", "a"]], lines: [2]),
            Case(label: "multi-line cell", input: "id,body\n1,\"one\ntwo\n\nfour\"\n2,b\n", format: .csv,
                 rows: [["1", "one\ntwo\n\nfour"], ["2", "b"]], lines: [2, 6]),
            Case(label: "CRLF inside quotes is stored as LF", input: "id,body\r\n1,\"a\r\nb\"\r\n2,c\r\n", format: .csv,
                 rows: [["1", "a\nb"], ["2", "c"]], lines: [2, 4]),
            Case(label: "doubled quotes", input: "id,body\n1,\"say \"\"hi\"\", ok\"\n2,\"\"\"\"\n", format: .csv,
                 rows: [["1", "say \"hi\", ok"], ["2", "\""]], lines: [2, 3]),
            Case(label: "empty fields, no final newline", input: "id,body,x\n,,\n1,\"\",", format: .csv,
                 rows: [["", "", ""], ["1", "", ""]], lines: [2, 3]),
            Case(label: "separator and newline inside quotes", input: "id,body\n1,\"a,b\nc\"", format: .csv,
                 rows: [["1", "a,b\nc"]], lines: [2]),
            Case(label: "TSV with quoted tab and comma", input: "id\tbody\n1\t\"a\tb\"\n2\tc,d\n", format: .tsv,
                 rows: [["1", "a\tb"], ["2", "c,d"]], lines: [2, 3]),
            Case(label: "TSV multi-line CRLF", input: "id\tbody\r\n1\t\"x\r\ny\"\r\n", format: .tsv,
                 rows: [["1", "x\ny"]], lines: [2]),
            Case(label: "blank lines are not rows", input: "id,body\n\n1,a\r\n\r\n\n2,b\n\n", format: .csv,
                 rows: [["1", "a"], ["2", "b"]], lines: [3, 6]),
            Case(label: "lone CR inside a field is kept", input: "id,body\n1,a\rb\n", format: .csv,
                 rows: [["1", "a\rb"]], lines: [2]),
            Case(label: "Japanese text", input: "番号,本文\n1,「至急」対応、お願いします\n", format: .csv,
                 rows: [["1", "「至急」対応、お願いします"]], lines: [2]),
        ]

        @Test(arguments: cases)
        func parses(_ c: Case) throws {
            let result = try InputTest.readAllWays(c.input, c.format)
            #expect(result.records.map { $0.fields.map(\.value) } == c.rows)
            #expect(result.lines == c.lines)
            #expect(result.records.map(\.number) == Array(1...c.rows.count))
            #expect(result.errors.allSatisfy { $0 == nil })
        }

        @Test func fieldsKeepHeaderNamesInOrder() throws {
            let result = try InputTest.readAllWays("id,body,status\n7,hello,open\n", .csv)
            #expect(result.columns == ["id", "body", "status"])
            #expect(result.records[0].fields == [
                RecordField(name: "id", value: "7"), RecordField(name: "body", value: "hello"),
                RecordField(name: "status", value: "open"),
            ])
            #expect(result.records[0].text == "hello")
            #expect(result.records[0].id == "7")
            #expect(result.records[0].status == "open")
        }

        /// A file saved by two tools that each add a byte-order mark: the second mark is not
        /// part of the first column's name (it used to hide the id column).
        @Test(arguments: [InputFormat.csv, .tsv])
        func repeatedByteOrderMarksAreDropped(format: InputFormat) throws {
            let sep = format == .csv ? "," : "\t"
            let result = try InputTest.readAllWays("\u{FEFF}\u{FEFF}id\(sep)body\n7\(sep)hello\n", format)
            #expect(result.columns == ["id", "body"])
            #expect(result.records[0].id == "7")
            #expect(result.records[0].text == "hello")
        }

        @Test func blankLinesAreCountedInOneWarning() throws {
            let result = try InputTest.readAllWays("id,body\n\n1,a\n\n\n", .csv, name: "t.csv")
            #expect(result.diagnostics == ["t.csv: warning: 3 blank lines skipped (first at line 2); they are not records"])
        }

        @Test(arguments: [
            ("", [String]()), ("id,body\n", ["id", "body"]), ("id,body", ["id", "body"]), ("\n\n", []),
        ])
        func emptyInputAndHeaderOnlyGiveNoRecords(input: String, columns: [String]) throws {
            let result = try InputTest.readAllWays(input, .csv)
            #expect(result.records.isEmpty)
            #expect(result.columns == columns)
            #expect(!result.diagnostics.contains { $0.contains("error") })
        }
    }
}
