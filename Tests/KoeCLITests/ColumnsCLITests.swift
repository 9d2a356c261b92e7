import Foundation
import Testing

/// `koe columns` and the help texts: the mapping is visible before and during a run.
@Suite struct ColumnsCLITests {
    @Test func columnsPrintsWhichColumnFeedsWhichField() throws {
        let r = try KoeRunner.run(["columns", "freshdesk.csv", "excel-unicode.txt"], in: ExportsCLITests.exports)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out == """
            freshdesk.csv: CSV (header: 15 columns, UTF-8)
              text         ← Description
              id           ← Ticket ID
              subject      ← Subject
              created_at   ← Created time
              channel      ← Source
              account_id   ← Company Name
              customer_id  ← Contact ID
              plan         -
              status       ← Status
              tags         ← Tags
              rating       -
              not used: Priority, Type, Agent, Group, Due by Time, Resolved time
            excel-unicode.txt: TSV (header: 4 columns, UTF-16LE)
              text         ← 本文
              id           ← チケット番号
              subject      -
              created_at   ← 受付日時
              channel      ← チャネル
              account_id   -
              customer_id  -
              plan         -
              status       -
              tags         -
              rating       -
              not used: -

            """)
        let named = try KoeRunner.run(["columns", "freshdesk.csv", "--date-column", "Resolved time", "--rating-column", "Priority"], in: ExportsCLITests.exports)
        #expect(named.out.contains("created_at   ← Resolved time"))
        #expect(named.out.contains("rating       ← Priority"))
        #expect(named.out.contains("not used: Type, Agent, Group, Created time, Due by Time"))
    }

    /// `--help` lists every default name, uncut, for every field flag.
    @Test func helpListsEveryDefaultName() throws {
        let help = try KoeRunner.run(["classify", "--help"]).out.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        for flag in ["--text-field", "--subject-column", "--date-column", "--channel-column", "--account-column",
                     "--customer-column", "--plan-column", "--status-column", "--tags-column", "--rating-column", "--id-column"] {
            #expect(help.contains(flag), "\(flag)")
        }
        for name in ["*comment*", "review submit date and time", "日時, 日付", "流入経路", "email address", "survey results, conversation_rating.rating, star rating, stars, *満足度*"] {
            #expect(help.contains(name), "\(name)")
        }
        #expect(!help.contains("…"))
    }
}
