import Foundation
import Testing

/// `koe classify -f csv|tsv --keep-fields --bom --output-encoding`: results that join back to
/// the export and open in Excel.
@Suite struct ClassifyCSVExportCLITests {
    static var python3: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Formulas, quotes, commas, a line break, columns named like koe's own and a repeated one.
    static let input = #"""
        id,body,=cmd,memo,memo,text,金額
        T-1,"料金が高すぎます。解約を検討しています",=1+1,"=HYPERLINK(""http://e.example"",""x"")",+81-3-0000,@SUM(A1),"1,200"
        T-2,"サポートの方に助けていただきました
        ありがとうございます",-2,"a,""b""",,	tab,¥500
        T-3,,,,,,

        """#

    static let expectedHeader = ["id", "stance", "dominant", "score", "topic", "signals", "text", "error",
                                 "input_id", "body", "'=cmd", "memo", "input_memo", "input_text", "金額"]

    @Test(.enabled(if: python3 != nil, "needs python3 on PATH"))
    func pythonReadsEveryInputColumnAndNoFormula() throws {
        let script = #"""
            import csv, sys
            raw = open(sys.argv[1], 'rb').read()
            assert raw.startswith(b'\xef\xbb\xbf'), 'no BOM'
            with open(sys.argv[2], newline='', encoding='utf-8') as f:
                source = list(csv.reader(f))
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                out = list(csv.reader(f))
            header, rows = out[0], out[1:]
            assert len(rows) == len(source) - 1, (len(rows), len(source))
            assert all(len(r) == len(header) for r in rows), 'ragged rows'
            kept = header[8:]
            assert len(kept) == len(source[0]), (kept, source[0])
            def neutral(v):
                return "'" + v if v[:1] in ('=', '+', '-', '@', '\t', '\r') else v
            for name, shown in zip(source[0], kept):
                assert shown in (neutral(name), 'input_' + name), (name, shown)
            for src, row in zip(source[1:], rows):
                assert row[8:] == [neutral(v) for v in src], (row[8:], src)
            for r in out:
                for cell in r:
                    assert not cell.startswith(('=', '+', '@')), repr(cell)
            print('|'.join(header))
            """#
        let python3 = try #require(Self.python3)
        try KoeRunner.shell(#""$K" classify -q -f csv --keep-fields --bom -o out.csv in.csv && '"# + python3 + #"' check.py out.csv in.csv"#,
                            setUp: { dir in
                                try Data(Self.input.utf8).write(to: dir.appendingPathComponent("in.csv"))
                                try Data(script.utf8).write(to: dir.appendingPathComponent("check.py"))
                            }) { _, r in
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.out == Self.expectedHeader.joined(separator: "|") + "\n")
        }
    }

    func classify(_ extra: [String], stdin: String = input) throws -> KoeRunner.Result {
        try KoeRunner.run(["classify", "--input-format", "csv"] + extra, stdin: Data(stdin.utf8))
    }

    @Test func csvHeaderNamesAndRenamesAreSaid() throws {
        let r = try classify(["-f", "csv", "--keep-fields"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first.map(String.init) == Self.expectedHeader.joined(separator: ","))
        #expect(r.stderr.contains("input column 'id' is written as 'input_id' (koe's own 'id' comes first)"))
        #expect(r.stderr.contains("input column 'memo' is written as 'input_memo' (an earlier input column has that name)"))
        #expect(!r.stdout.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM only when asked")
    }

    @Test func tsvKeepsEveryColumnOnOneLine() throws {
        let r = try classify(["-f", "tsv", "--keep-fields", "--no-text"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 14 })
        // Without the text column, an input column named `text` keeps its name.
        #expect(rows[0][7...] == ["input_id", "body", "'=cmd", "memo", "input_memo", "text", "金額"])
        #expect(rows[2][8] == "サポートの方に助けていただきました ありがとうございます")
        #expect(rows[2][12] == "' tab", "a leading tab is neutralised, then becomes a space")
        #expect(rows[3][1] == "skipped", "a blank row keeps its input columns too")
        #expect(rows[3][7] == "T-3")
    }

    @Test func jsonFieldsFollowTheFirstRecordAndLeftoversAreCounted() throws {
        let input = """
            {"id": "a", "body": "遅いです", "n": 3, "tags": ["x", "y"], "gone": null}
            {"id": "b", "body": "助かりました", "extra": "e", "n": 4}

            """
        let r = try KoeRunner.run(["classify", "-f", "csv", "--keep-fields", "--no-text"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 3)
        #expect(r.lines.first == "id,stance,dominant,score,topic,signals,error,input_id,body,n,tags,gone")
        #expect(r.lines[1].hasSuffix(#",a,遅いです,3,"[""x"", ""y""]","#), "arrays keep their JSON text, null is empty")
        #expect(r.lines[2].hasSuffix(",b,助かりました,4,,"))
        #expect(r.stderr.contains("1 field value(s) had no column in the CSV header"))
        #expect(r.stderr.contains("'extra'"))
    }

    @Test func cp932OutputReadsBackAsTheSameText() throws {
        try KoeRunner.shell(#""$K" classify -q -f csv --keep-fields --output-encoding cp932 -o out.csv in.csv 2> enc.err; "$K" classify --encoding cp932 --keep-fields -q out.csv"#,
                            setUp: { dir in
                                try Data("id,body\nT-1,〜お待ちください〜　ｱﾝｹｰﾄ①\nT-2,絵文字😀です\n".utf8).write(to: dir.appendingPathComponent("in.csv"))
                            }) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try Data(contentsOf: dir.appendingPathComponent("out.csv"))
            #expect(bytes.starts(with: Array("id,stance".utf8)))
            #expect(bytes.range(of: Data([0x81, 0x60, 0x82, 0xA8])) != nil, "〜お in CP932")
            #expect(bytes.range(of: Data([0xB1, 0xDD])) != nil, "ｱﾝ as single bytes")
            let back = r.lines.map { String($0) }
            #expect(back.count == 2)
            #expect(back[0].contains(#""body":"～お待ちください～　ｱﾝｹｰﾄ①""#), "WAVE DASH comes back as its CP932 twin")
            #expect(back[1].contains(#""body":"絵文字〓です""#))
            let err = try String(contentsOf: dir.appendingPathComponent("enc.err"), encoding: .utf8)
            #expect(err.isEmpty, "-q: nothing on stderr")
        }
        // Without -q the loss is said and counted.
        let r = try KoeRunner.run(["classify", "-f", "tsv", "--output-encoding", "cp932"], stdin: Data("絵文字😀と한글\n".utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("3 character(s) that CP932 cannot hold were written as 〓 (the first: U+1F600 '😀')"))
    }

    @Test(arguments: [
        (["--bom"], "--bom and --output-encoding are for CSV/TSV output"),
        (["--output-encoding", "cp932"], "--bom and --output-encoding are for CSV/TSV output"),
        (["-f", "csv", "--bom", "--output-encoding", "cp932"], "CP932 has no byte-order mark"),
    ])
    func misplacedEncodingOptionsAreUsageErrors(extra: [String], message: String) throws {
        let r = try KoeRunner.run(["classify"] + extra, stdin: Data("遅い\n".utf8))
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
