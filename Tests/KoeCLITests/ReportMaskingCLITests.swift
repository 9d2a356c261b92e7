import Foundation
import Testing

/// Every form of the README's masking table, one churn ticket each, through `koe report`:
/// the form never appears, its placeholder does, and account ids that are e-mail addresses
/// are masked in the churn table and in quote attributions (issue 16, item 6).
@Suite struct ReportMaskingCLITests {
    /// (form, placeholder) — the README table, row by row.
    static let forms: [(String, String)] = [
        ("taro.yamada+x@example.co.jp", "〔メール〕"), ("taro＠example．jp", "〔メール〕"),
        ("\"taro yamada\"@example.jp", "〔メール〕"), ("やまだ@example.jp", "〔メール〕"),
        ("taro@例え.jp", "〔メール〕"), ("taro@xn--r8jz45g.jp", "〔メール〕"),
        ("03-1234-5678", "〔電話番号〕"), ("090-1234-5678", "〔電話番号〕"), ("09012345678", "〔電話番号〕"),
        ("0120-123-456", "〔電話番号〕"), ("090 1234 5678", "〔電話番号〕"), ("090〜1234〜5678", "〔電話番号〕"),
        ("090/1234/5678", "〔電話番号〕"), ("(03)1234-5678", "〔電話番号〕"), ("+81-90-1234-5678", "〔電話番号〕"),
        ("+81 (0)3 1234 5678", "〔電話番号〕"),
        ("〒150-0001", "〔郵便番号〕"), ("〒 123 4567", "〔郵便番号〕"),
        ("378282246310005", "〔番号〕"), ("ORD98765432", "ORD〔番号〕"), ("1234567", "〔番号〕"),
        ("1234-567890", "〔番号〕"), ("4111-1111-1111-1111", "〔番号〕"), ("1234 5678 9012", "〔番号〕"),
        ("3782 822463 10005", "〔番号〕"), ("4111.1111.1111.1111", "〔番号〕"), ("4111-1111 1111.1111", "〔番号〕"),
        ("150-0001", "〔番号〕"), ("１２３４　５６７８　９０１２", "〔番号〕"),
    ]

    /// A report of up to 10 forms (the churn table shows 20 accounts), in `format`.
    static func report(_ forms: ArraySlice<(String, String)>, format: String) throws -> KoeRunner.Result {
        var csv = "id,created_at,body,account_id\nB1,2026-11-10 10:00,ログインできません,base@example.jp\n"
        for (k, (form, _)) in zip(forms.indices, forms) {
            // One sentence: the churn quote is cut to the sentence holding the signal.
            let body = "解約を検討しています、F\(k)の連絡先 \(form) です"
            csv += "F\(k),2026-11-18 10:00,\"\(body.replacingOccurrences(of: "\"", with: "\"\""))\",user\(k)@example.jp\n"
        }
        return try KoeRunner.run(
            ["report", "--input-format", "csv", "--week", "2026-W47", "--format", format, "-q"], stdin: Data(csv.utf8))
    }

    @Test(arguments: ["markdown", "html", "json"])
    func everyListedFormIsMaskedInTheReport(format: String) throws {
        for chunk in stride(from: 0, to: Self.forms.count, by: 10) {
            let forms = Self.forms[chunk..<min(chunk + 10, Self.forms.count)]
            let r = try Self.report(forms, format: format)
            #expect(r.status == 0, "\(r.stderr)")
            for (k, (form, placeholder)) in zip(forms.indices, forms) {
                let escaped = format == "html" ? form.replacingOccurrences(of: "\"", with: "&quot;") : form
                let raw = format == "json" ? escaped.replacingOccurrences(of: "\"", with: "\\\"") : escaped
                #expect(!r.out.contains(raw), "\(format): \(form) leaked")
                #expect(r.out.contains("F\(k)の連絡先 \(placeholder) です"), "\(format): \(form) not shown masked")
                #expect(!r.out.contains("user\(k)@example.jp"), "\(format): account of F\(k) leaked")
            }
        }
    }

    @Test func accountsAreMaskedWithADistinctTag() throws {
        let r = try Self.report(Self.forms[0..<2], format: "markdown")
        let tags = Set(r.out.matches(of: /〔メール〕-([0-9a-f]{4})/).map { String($0.1) })
        #expect(tags.count == 2, "\(tags)")
    }

    /// Slow-input guard: a 20 KB ticket of digit runs, repeated separators and 10,000 commas
    /// goes through `report` (masking was quadratic: a 17 KB ticket took over 300 s). Not a
    /// timed assertion: `PIIMaskerTests.maskingIsLinear` counts the work; the 120 s limit only
    /// keeps a regression from hanging the suite.
    @Test func adversarialTicketGoesThroughReport() throws {
        // One sentence, so the churn quote (cut to the sentence of the signal) holds it all.
        let body = "解約を検討しています、" + String(repeating: "1234567.", count: 1000) + String(repeating: "-/ ", count: 1000)
            + String(repeating: ",", count: 10_000)
        let csv = "id,created_at,body,account_id\nB1,2026-11-10 10:00,x,A\nQ1,2026-11-18 10:00,\"\(body)\",B\n"
        try KoeRunner.shell(
            "timeout 120 \"$K\" report t.csv --week 2026-W47 -q -o t.md; echo $?",
            setUp: { try Data(csv.utf8).write(to: $0.appendingPathComponent("t.csv")) },
            check: { dir, r in
                #expect(r.out == "0\n", "\(r.stderr)")
                let report = (try? String(contentsOf: dir.appendingPathComponent("t.md"), encoding: .utf8)) ?? ""
                #expect(report.contains("〔番号〕"))
                #expect(!report.contains("1234567"))
            })
    }

    @Test func noMaskShowsEverything() throws {
        var csv = "id,created_at,body,account_id\nB1,2026-11-10 10:00,x,A\n"
        csv += "Q1,2026-11-18 10:00,解約を検討しています、090-1234-5678,hanako@example.jp\n"
        let r = try KoeRunner.run(
            ["report", "--input-format", "csv", "--week", "2026-W47", "--no-mask", "-q"], stdin: Data(csv.utf8))
        #expect(r.out.contains("090-1234-5678"))
        #expect(r.out.contains("hanako@example.jp"))
    }
}
