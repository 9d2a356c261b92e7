import Testing
@testable import KoeKit

@Suite struct PIIMaskerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let input: String
        let expected: String
        var testDescription: String { label }
    }

    static let masked: [Case] = [
        Case(label: "e-mail", input: "登録アドレスはyamada@mail.example.ne.jpです。",
             expected: "登録アドレスは〔メール〕です。"),
        Case(label: "e-mail with dot, hyphen, plus", input: "Mail: taro.yamada-x+voc@example.co.jp",
             expected: "Mail: 〔メール〕"),
        Case(label: "full-width e-mail", input: "taro．yamada＠example．co．jpまで",
             expected: "〔メール〕まで"),
        Case(label: "e-mail before a full stop", input: "goto@example.jp.", expected: "〔メール〕."),
        Case(label: "landline", input: "TEL: 03-1234-5678", expected: "TEL: 〔電話番号〕"),
        Case(label: "free dial", input: "0120-123-456へ", expected: "〔電話番号〕へ"),
        Case(label: "mobile", input: "携帯: 090-1234-5678", expected: "携帯: 〔電話番号〕"),
        Case(label: "mobile, no hyphens", input: "折り返しは09012345678まで", expected: "折り返しは〔電話番号〕まで"),
        Case(label: "international", input: "+81-90-1234-5678です", expected: "〔電話番号〕です"),
        Case(label: "international, (0) and spaces", input: "+81 (0)3 1234 5678", expected: "〔電話番号〕"),
        Case(label: "area code in parentheses", input: "(03)1234-5678", expected: "〔電話番号〕"),
        Case(label: "full-width parentheses", input: "（０６）１２３４－５６７８", expected: "〔電話番号〕"),
        Case(label: "full-width digits and hyphens", input: "０３－１２３４－５６７８にお願いします",
             expected: "〔電話番号〕にお願いします"),
        Case(label: "ー as hyphen", input: "電話は090ー1234ー5678です", expected: "電話は〔電話番号〕です"),
        Case(label: "− (minus sign) as hyphen", input: "03−1234−5678", expected: "〔電話番号〕"),
        Case(label: "spaces as separators", input: "電話 090 1234 5678", expected: "電話 〔電話番号〕"),
        Case(label: "postal code with 〒", input: "〒150-0001 東京都渋谷区神宮前1-2-3",
             expected: "〔郵便番号〕 東京都渋谷区神宮前1-2-3"),
        Case(label: "postal code without hyphen", input: "〒1500001", expected: "〔郵便番号〕"),
        Case(label: "postal code after 郵便番号", input: "郵便番号：150-0001", expected: "郵便番号：〔郵便番号〕"),
        Case(label: "full-width postal code", input: "〒１５０－０００１", expected: "〔郵便番号〕"),
        Case(label: "card number, grouped", input: "カード4111-1111-1111-1111で決済",
             expected: "カード〔番号〕で決済"),
        Case(label: "card number, spaced", input: "4111 1111 1111 1111", expected: "〔番号〕"),
        Case(label: "account number", input: "口座番号1234567に振り込みました", expected: "口座番号〔番号〕に振り込みました"),
        Case(label: "order number with letters", input: "注文ORD98765432の件", expected: "注文ORD〔番号〕の件"),
        Case(label: "full-width long number", input: "会員番号１２３４５６７８９", expected: "会員番号〔番号〕"),
        Case(label: "hyphenated order number", input: "受付番号 1234-567890", expected: "受付番号 〔番号〕"),
        Case(label: "runs joined by a dot", input: "1234567.7654321", expected: "〔番号〕"),
        Case(label: "long run after a decimal number", input: "1234567.89", expected: "〔番号〕.89"),
        // Without 〒 / 郵便番号 it may be a postal code or a local number: masked, but not named.
        Case(label: "bare NNN-NNNN", input: "150-0001", expected: "〔番号〕"),
        // Forms that leaked before (issue 16, item 6).
        Case(label: "My Number, spaced", input: "マイナンバーは1234 5678 9012です", expected: "マイナンバーは〔番号〕です"),
        Case(label: "My Number, hyphens", input: "1234-5678-9012", expected: "〔番号〕"),
        Case(label: "Amex, spaced 4-6-5", input: "カード3782 822463 10005", expected: "カード〔番号〕"),
        Case(label: "15-digit card", input: "378282246310005", expected: "〔番号〕"),
        Case(label: "card with dots", input: "4111.1111.1111.1111", expected: "〔番号〕"),
        Case(label: "card, mixed separators", input: "4111-1111 1111.1111", expected: "〔番号〕"),
        Case(label: "card, full-width spaces", input: "４１１１　１１１１　１１１１　１１１１", expected: "〔番号〕"),
        Case(label: "phone with 〜", input: "090〜1234〜5678", expected: "〔電話番号〕"),
        Case(label: "phone with ～", input: "090～1234～5678", expected: "〔電話番号〕"),
        Case(label: "phone with slashes", input: "090/1234/5678まで", expected: "〔電話番号〕まで"),
        Case(label: "phone after a date", input: "2026-11-18 03-1234-5678", expected: "2026-11-18 〔電話番号〕"),
        Case(label: "postal code with spaces", input: "〒 123 4567", expected: "〔郵便番号〕"),
        Case(label: "postal code after 郵便番号は", input: "郵便番号は 1500001", expected: "郵便番号は 〔郵便番号〕"),
        Case(label: "e-mail, Japanese local part", input: "やまだ@example.jp", expected: "〔メール〕"),
        Case(label: "e-mail, Japanese local part before text", input: "宛先 やまだ@example.jpまで", expected: "宛先 〔メール〕まで"),
        Case(label: "e-mail, IDN domain", input: "taro@例え.jp", expected: "〔メール〕"),
        Case(label: "e-mail, IDN top-level domain", input: "taro@例え.テスト です", expected: "〔メール〕 です"),
        Case(label: "e-mail, punycode domain", input: "taro@xn--r8jz45g.jp", expected: "〔メール〕"),
        Case(label: "e-mail, quoted local part", input: "\"taro yamada\"@example.jp", expected: "〔メール〕"),
        Case(label: "e-mail with digits", input: "user123@example.jp 0312345678", expected: "〔メール〕 〔電話番号〕"),
        Case(label: "several kinds in one text",
             input: "連絡先: sato@example.com / 03-1234-5678\n〒100-0005",
             expected: "連絡先: 〔メール〕 / 〔電話番号〕\n〔郵便番号〕"),
    ]

    static let kept: [String] = [
        "2026-11-16に発生", "2026/11/16 9:05から", "2026-09-14T08:24", "20261116のログ",
        "¥12,800のプラン", "12,800円", "1,980円に値上げ", "¥1234567の請求", "1234567円",
        "1,234,567円", "v2.3.1で直りました", "3回目です", "20時間かかった", "E-1024が出ます",
        "エラーE1024", "お問い合わせ番号は#240001です", "1,234件のデータ", "1000000件",
        "渋谷区神宮前1-2-3", "顧客ID C-78406", "3.14159265", "コーヒー123", "レビュー★5",
        "12:30:45", "", "ログインできません😢", "２０２６／１１／１６", "2026.11.16", "￥12,800",
        "¥ 1234567", "月額 12,800 円", "iOS 17.4.1", "Windows 10.0.19045", "9:00〜18:00", "0KB",
        "1000〜2000円", "2026/11/16〜2026/11/20", "@here 見てください", "@channel", "a@b", "user@localhost",
        "10:00-18:00", "1000 2000", "192.168.1.1", "$ 1234567", "1234567 件", "1,234,567",
    ]

    @Test(arguments: masked)
    func masks(_ c: Case) {
        #expect(PIIMasker().mask(c.input) == c.expected)
    }

    @Test(arguments: kept)
    func keeps(_ text: String) {
        #expect(PIIMasker().mask(text) == text)
    }

    /// Adversarial texts of ~20 KB: the scanners visit each unit a bounded number of times
    /// (the old masker rescanned the whole text once per masked run: quadratic).
    @Test(arguments: [
        ("digit runs joined by dots", String(repeating: "1234567.", count: 2500)),
        ("digit runs joined by spaces", String(repeating: "1234567 ", count: 2500)),
        ("repeated separators", String(repeating: "1-", count: 10_000)),
        ("phone-like runs", String(repeating: "090-1234-5678-", count: 1500)),
        ("commas", "解約します" + String(repeating: ",", count: 10_000) + "1234567"),
        ("at signs", String(repeating: "a@", count: 10_000)),
        ("at signs and dots", String(repeating: "a.b@c.", count: 3500)),
        ("quotes and at signs", String(repeating: "\"@", count: 10_000)),
        ("Japanese local parts", String(repeating: "やまだ@", count: 5000)),
        ("postal marks", String(repeating: "〒 123 4567 ", count: 2000)),
    ])
    func maskingIsLinear(label: String, text: String) {
        var steps = 0
        _ = PIIMasker.mask(text, steps: &steps)
        #expect(steps <= 4 * text.utf16.count, "\(label): \(steps) steps for \(text.utf16.count) units")
    }

    @Test(arguments: masked.map(\.input) + kept)
    func maskIsIdempotent(_ text: String) {
        let masker = PIIMasker()
        let once = masker.mask(text)
        #expect(masker.mask(once) == once)
    }

    /// Random mixes of digits, separators, `@` and context characters: masking twice changes
    /// nothing, and nothing outside the placeholders moves.
    @Test func maskIsIdempotentOnRandomText() {
        let pool: [String] = [
            "0", "1", "3", "9", "０", "５", "-", "－", "ー", "−", " ", "　", "(", ")", "+", "@", "＠", ".",
            "．", ",", "a", "Z", "〒", "円", "¥", "#", "/", ":", "件", "で", "す", "。", "😀",
            "03", "090", "0120", "1234", "5678", "〒150", "@ex.jp", "郵便番号",
        ]
        var rng = SeededGenerator(seed: 0x5EED_0001)
        let masker = PIIMasker()
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                text += pool[Int.random(in: 0..<pool.count, using: &rng)]
            }
            let once = masker.mask(text)
            #expect(masker.mask(once) == once, "\(text)")
        }
    }

    @Test func shortenJoinsLines() {
        let text = "  ログインできません。\n\n  何度も\t試しました　\r\n  "
        #expect(PIIMasker.shorten(text, maxCharacters: 100) == "ログインできません。 何度も 試しました")
    }

    @Test func shortenCutsWithEllipsisWithinTheBound() {
        let text = String(repeating: "あ", count: 50)
        let short = PIIMasker.shorten(text, maxCharacters: 10)
        #expect(short == String(repeating: "あ", count: 9) + "…")
        #expect(short.count == 10)
        #expect(PIIMasker.shorten("あいう", maxCharacters: 3) == "あいう")
        #expect(PIIMasker.shorten("あいう", maxCharacters: 1) == "…")
        #expect(PIIMasker.shorten("あいう", maxCharacters: 0) == "")
    }

    @Test func shortenKeepsEmojiWhole() {
        let family = "👨‍👩‍👧‍👦"
        let text = "最高" + family + "🇯🇵👍🏻です"
        for bound in 1...8 {
            let short = PIIMasker.shorten(text, maxCharacters: bound)
            #expect(short.count <= bound)
            #expect(text.hasPrefix(String(short.dropLast(short.hasSuffix("…") ? 1 : 0))))
        }
        #expect(PIIMasker.shorten(text, maxCharacters: 4) == "最高" + family + "…")
    }

    @Test func shortenDoesNotSplitAPlaceholder() {
        let quote = PIIMasker().mask("折り返しは090-1234-5678まで")
        #expect(PIIMasker.shorten(quote, maxCharacters: 9) == "折り返しは…")
        #expect(PIIMasker.shorten("a b", maxCharacters: 2) == "a…")
    }
}
