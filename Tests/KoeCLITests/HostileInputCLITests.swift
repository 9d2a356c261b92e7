import Foundation
import Testing

/// Hostile lexicon lines and input bytes, end to end (issue 16).
@Suite struct HostileInputCLITests {
    /// `1e19` passed `lexicon check` and then trapped in `explain`; `1e308` made classify write
    /// `"score":-inf`. Both are lexicon errors now (78), with the position of the weight.
    @Test(arguments: [["explain", "神アプデ"], ["classify"], ["lexicon", "check"]])
    func hugeWeightIsALexiconError(command: [String]) throws {
        for weight in ["1e19", "1e308"] {
            try KoeRunner.shell(
                "printf '神アプデ\\t pos\\t\(weight)\\t-\\n' | tr -d ' ' > w.tsv; echo 神アプデ | \"$K\" \(command.joined(separator: " ")) "
                    + (command == ["lexicon", "check"] ? "w.tsv" : "--lexicon w.tsv")) { _, r in
                #expect(r.status == 78, "\(command) \(weight): \(r.stderr)")
                #expect(r.stderr.contains("w.tsv:1:10: error: invalid weight '\(weight)'"), "\(r.stderr)")
                #expect(!r.out.contains("inf"))
            }
        }
    }

    /// Two lexicon files saved with a BOM and joined with `cat`: the second BOM now starts line
    /// 2. It kept that pattern from ever matching, silently (issue 16, item 16); now `lexicon
    /// check` points at it and the pattern matches. (The BOM of line 1 is dropped when the file
    /// is decoded, without a word.)
    @Test func aByteOrderMarkInsideAJoinedLexiconIsReportedAndRemoved() throws {
        try KoeRunner.shell(
            "printf '\\357\\273\\277ぽてぽて満足\\tpos\\n' > a.tsv; printf '\\357\\273\\277むきゅむきゅ最悪\\tneg\\n' > b.tsv; "
                + "cat a.tsv b.tsv > joined.tsv; \"$K\" lexicon check joined.tsv 2> check.err; "
                + "echo むきゅむきゅ最悪 | \"$K\" classify -q --lexicon joined.tsv") { dir, r in
            let check = try String(contentsOf: dir.appendingPathComponent("check.err"), encoding: .utf8)
            #expect(check.contains("joined.tsv:2:1: warning: byte order mark at the start of the line (removed"), "\(check)")
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.out.contains(#""entry":"joined.tsv:2""#), "\(r.out)")
        }
    }

    /// Raw ESC / BEL / NUL / CR and a bidi override from the input were echoed to stderr: a
    /// terminal would retitle itself and clear the screen.
    @Test func diagnosticsEscapeControlCharacters() throws {
        let input = Data("\u{1B}]0;PWNED\u{07}\u{1B}[2J\r\u{202E}x\n".utf8) + Data([0x00, 0x0A])
        let r = try KoeRunner.run(["classify", "--input-format", "jsonl"], stdin: input)
        let bad = r.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0.value != 0x0A) || $0.value == 0x202E }
        #expect(bad.isEmpty, "\(r.stderr.debugDescription)")
        #expect(r.stderr.contains(#"\x1B]0;PWNED\x07\x1B[2J"#), "\(r.stderr)")
        #expect(r.stderr.contains(#"\u{202E}x"#), "\(r.stderr)")
    }

    /// Cells a spreadsheet would run as formulas (item 7), and error rows as wide as the header
    /// with the message in its own column (item 12).
    @Test(arguments: ["csv", "tsv"])
    func spreadsheetOutputIsInert(format: String) throws {
        let input = """
            {"id":"=HYPERLINK(\\"http://x\\")","text":"=1+2"}
            {"id":"+A1","text":"@SUM(A1)"}
            {"id":"-3","text":"\\t=cmd"}
            {"id":"ok","text":"＝1+2"}
            not json

            """
        let r = try KoeRunner.run(["classify", "--input-format", "jsonl", "-f", format], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let sep: Character = format == "csv" ? "," : "\t"
        let rows = r.lines.map { String($0) }
        #expect(rows.count == 6)
        let width = rows[0].split(separator: sep, omittingEmptySubsequences: false).count
        #expect(rows[0].hasSuffix("\(sep)text\(sep)error"))
        for row in rows.dropFirst() {
            // No cell (after CSV quoting) starts with a formula character.
            let cells = row.split(separator: sep, omittingEmptySubsequences: false).map {
                $0.hasPrefix("\"") ? $0.dropFirst() : $0
            }
            let inputCells = cells.enumerated().filter { $0.offset != 3 }.map(\.element)  // 3: our score
            #expect(!inputCells.contains { $0.first.map { "=+-@\t＝".contains($0) } ?? false }, "\(row)")
            if format == "tsv" { #expect(cells.count == width, "\(row)") }
        }
        #expect(rows[1].hasPrefix(format == "csv" ? "\"'=HYPERLINK(" : "'=HYPERLINK("))
        #expect(rows[3].hasPrefix("'-3\(sep)"))
        let error = rows[5].split(separator: sep, omittingEmptySubsequences: false)
        #expect(error.count == width)
        #expect(error[1] == "error")
        #expect(error.last?.contains("not a JSON object") == true, "\(rows[5])")
    }
}
