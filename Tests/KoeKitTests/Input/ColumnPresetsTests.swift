import Foundation
import Testing
@testable import KoeKit

extension InputTests {
    /// Default column names are data (`lexicons/input/columns.tsv`), not Swift literals.
    @Suite struct ColumnPresetsTests {
        @Test func theBuiltInFileLoadsAndFeedsTheDefaults() throws {
            let presets = try ColumnPresets.builtIn.get()
            for role in FieldRole.allCases {
                #expect(!presets.names(for: role).isEmpty, "\(role)")
                #expect(role.defaultNames == presets.names(for: role), "\(role)")
            }
            #expect(presets.recordKeys.prefix(3) == ["tickets", "conversations", "results"])
            // Names of the exports the issue lists, each where it belongs.
            for (role, name) in [(FieldRole.id, "ticket id"), (.createdAt, "created time"), (.accountID, "company name"),
                                 (.id, "問い合わせ番号"), (.createdAt, "受付日時"), (.channel, "対応チャネル"),
                                 (.customerID, "顧客id"), (.rating, "評価"), (.createdAt, "タイムスタンプ"),
                                 (.text, "review text"), (.channel, "via.channel")] {
                #expect(presets.names(for: role).contains(name), "\(role) \(name)")
            }
        }

        @Test func parsingKeepsOrderPutsWildcardsLastAndNamesTheBadLine() throws {
            let presets = try ColumnPresets(parsing: "# c\ntext\t*意見*\tx\ntext\tbody\tx\n\ntext\t本文\tx\nrecords\titems\tx\n", file: "p.tsv")
            #expect(presets.names(for: .text) == ["body", "本文", "*意見*"])
            #expect(presets.recordKeys == ["items"])
            #expect(throws: Diagnostic(file: "p.tsv", line: 2, column: 1, severity: .error,
                                       message: "unknown role 'txt' (known: text, id, subject, created_at, channel, account_id, customer_id, plan, status, tags, rating, records)")) {
                _ = try ColumnPresets(parsing: "text\tbody\tx\ntxt\tbody\tx\n", file: "p.tsv")
            }
            #expect(throws: Diagnostic.self) { _ = try ColumnPresets(parsing: "text\n", file: "p.tsv") }
        }

        @Test(arguments: [
            ("*ご意見*", "サービスについてのご意見をどうぞ", true), ("*ご意見*", "ご意見", true), ("*ご意見*", "ご要望", false),
            ("満足度*", "満足度（5段階）", true), ("満足度*", "総合満足度", false), ("*id", "Contact ID", true), ("body", "BODY ", true),
        ])
        func wildcardsMatchParts(pattern: String, header: String, matches: Bool) {
            #expect(ColumnName(pattern).matches(key: FieldRole.matchKey(header)) == matches)
        }

        @Test func aColumnTakenByOneFieldIsNotTakenAgainByADefault() throws {
            // "サービスの満足度とご意見" could be text (*ご意見*) or rating (*満足度*): text wins, rating stays empty.
            let r = try InputTest.readAllWays("サービスの満足度とご意見,メールアドレス\nとても良い,a@example.jp\n", .csv)
            #expect(r.texts == ["とても良い"])
            #expect(r.records[0].rating == nil)
            #expect(r.records[0].customerID == "a@example.jp")
        }
    }
}
