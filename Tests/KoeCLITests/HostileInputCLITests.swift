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
}
