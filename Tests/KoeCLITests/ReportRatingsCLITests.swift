import Foundation
import Testing

/// `koe report` on a small export with a rating column (`評価`), end to end.
///
/// W47 ratings as written: 1, ２, 5, 4, ★4, 3, 5, 良い (unreadable), blank, 2 → 8 rated
/// (1, 2, 5, 4, 4, 3, 5, 2): low (1–2) 3 of 8 = 37.5%, CSAT (4–5) 4 of 8 = 50.0%, sum 26,
/// mean 3.25. W46: 5, 4, 4, 1 → CSAT 3 of 4 = 75.0%, so the change is −25.0pt. The input: 12
/// values read, 1 unreadable, none above 5 or 0 → five-point.
@Suite struct ReportRatingsCLITests {
    func report(_ extra: [String]) throws -> KoeRunner.Result {
        try KoeRunner.run(["report", "report-ratings.csv", "--week", "2026-W47"] + extra, in: ReportCLITests.fixtures)
    }

    @Test func ratingSectionWithHandComputedFigures() throws {
        let r = try report([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains(
            "koe: ratings: column '評価' read as five-point 1–5 (guessed from the values; override with --rating-scale nps|five): 12 value(s), 1 unreadable\n"),
            "\(r.stderr)")
        #expect(r.out.contains("\n## 顧客評価\n"))
        #expect(r.out.contains("- 評価の値（入力全体）: 評価あり 12件 ／ 読み取れない値 1件 ／ 尺度外 0件\n"))
        #expect(r.out.contains("- 今週: CSAT 50.0%（4/8件）・低評価（1〜2） 37.5%（3/8件）・平均 3.25（26/8）\n"), "\(r.out)")
        #expect(r.out.contains("- 前週: 75.0%（3/4件）、\u{2212}25.0pt\n"))
        #expect(r.out.contains("- 今週の読み取れない値 1件\n"))

        let slack = try report(["--format", "slack", "-q"])
        #expect(slack.out.contains("*顧客評価* CSAT 50.0%（4/8件）・低評価（1〜2） 37.5%（3/8件）・前週比 \u{2212}25.0pt"), "\(slack.out)")

        let json = try report(["--format", "json", "-q"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let ratings = try #require(object?["ratings"] as? [String: Any])
        let figures = try #require((ratings["week"] as? [String: Any])?["figures"] as? [String: Any])
        #expect(figures["rated"] as? Int == 8)
        #expect(figures["sum"] as? Int == 26)
        #expect(figures["score"] as? Double == 50)
        #expect((ratings["scale"] as? [String: Any])?["kind"] as? String == "five")
    }

    @Test func aGivenScaleIsAnnouncedAsGiven() throws {
        // As NPS every value is a detractor (0–6): 8 of 8 → NPS −100.0.
        let r = try report(["--rating-scale", "nps"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("koe: ratings: column '評価' read as NPS 0–10 (given by --rating-scale): 12 value(s), 1 unreadable\n"), "\(r.stderr)")
        #expect(r.out.contains("- 今週: NPS \u{2212}100.0（推奨者（9〜10） 0.0%（0/8件） − 批判者（0〜6） 100.0%（8/8件））"), "\(r.out)")
        #expect(try report(["--rating-scale", "ten"]).status == 64)
    }

    @Test func noRatingColumnNoSectionNoAnnouncement() throws {
        let r = try KoeRunner.run(["report", "report-fixture.csv", "--week", "2026-W47"], in: ReportCLITests.fixtures)
        #expect(r.status == 0)
        #expect(!r.out.contains("顧客評価"))
        #expect(!r.stderr.contains("ratings"))
    }

    @Test func aColumnWithoutOneReadableRatingIsReportedNotDropped() throws {
        let csv = """
            番号,作成日時,本文,評価
            1,2026-11-17 10:00,画面の文字が小さくて読みにくいです。,とても良い
            2,2026-11-18 11:00,請求書の送付先を変えたいです。,普通
            3,2026-11-19 12:00,ありがとうございました。,

            """
        let r = try KoeRunner.run(["report", "-", "--week", "2026-W47"], stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("koe: warning: ratings: column '評価' holds no readable rating (2 value(s) unreadable)"), "\(r.stderr)")
        #expect(r.out.contains("\n## 顧客評価\n\n評価の列に読み取れる値がありませんでした（読み取れない値 2件）。"), "\(r.out)")
    }
}
