import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct JSONLReaderTests {
        static func fixture(mapping: FieldMapping = .init()) throws -> ReadResult {
            let bytes = try InputTest.fixtureBytes("tickets.jsonl")
            return try InputTest.readAllWays(bytes: bytes, .jsonl, name: "tickets.jsonl", mapping: mapping)
        }

        @Test func everyNonBlankLineIsARecord() throws {
            let result = try Self.fixture()
            #expect(result.records.map(\.number) == [1, 2, 3, 4, 5, 6])
            #expect(result.lines == [1, 2, 4, 5, 6, 8])
            #expect(result.records.map(\.id) == ["101", "102", "103", nil, nil, "106"])
        }

        @Test func textComesFromTheFirstKnownField() throws {
            let result = try Self.fixture()
            #expect(result.texts == ["二段階認証のSMSが届きません。", "本文が優先", "", "", "", "アプリが\"落ちる\"…😡"])
        }

        @Test func problemsBecomeErrorRecordsWithLineNumbers() throws {
            let result = try Self.fixture()
            let tried = FieldRole.text.defaultNames.joined(separator: ", ")
            #expect(result.errors == [
                nil, nil,
                "line 4: no text field (tried \(tried))",
                "line 5: not a JSON object: [1, 2, 3]",
                "line 6: invalid JSON at byte 48: unexpected end of line",
                nil,
            ])
            #expect(result.diagnostics == [
                "tickets.jsonl:4:1: error: no text field (tried \(tried))",
                "tickets.jsonl:5:1: error: not a JSON object: [1, 2, 3]",
                "tickets.jsonl:6:48: error: invalid JSON at byte 48: unexpected end of line",
                "tickets.jsonl: warning: 2 blank lines skipped (first at line 3); they are not records",
            ])
        }

        @Test func nestedAndNonStringValues() throws {
            let first = try Self.fixture().records[0]
            #expect(first.channel == "email")
            #expect(first.subject == "ログインできない")
            #expect(first.tags == "login,sms")
            #expect(first.rating == "4.50")
            #expect(first.fields == [
                RecordField(name: "id", value: "101", isJSON: true),
                RecordField(name: "subject", value: "ログインできない"),
                RecordField(name: "description", value: "二段階認証のSMSが届きません。"),
                RecordField(name: "via", value: #"{"channel": "email", "source": {"from": "a@example.com"}}"#, isJSON: true),
                RecordField(name: "tags", value: #"["login", "sms"]"#, isJSON: true),
                RecordField(name: "priority", value: "null", isJSON: true),
                RecordField(name: "score", value: "4.50", isJSON: true),
            ])
        }

        @Test func explicitDottedPathsAndMissingExplicitFields() throws {
            let mapping = FieldMapping(text: "subject", channel: "via.source.from", plan: "custom.plan")
            let result = try Self.fixture(mapping: mapping)
            #expect(result.records[0].text == "ログインできない")
            #expect(result.records[0].channel == "a@example.com")
            #expect(result.records[1].plan == "pro")
            #expect(result.records[1].error == "line 2: no field 'subject' for text (missing or null); "
                + "no field 'via.source.from' for channel (missing or null)")
            #expect(result.records[0].error == "line 1: no field 'custom.plan' for plan (missing or null)")
        }

        @Test func keysMatchIgnoringCaseAndSpace() throws {
            let result = try InputTest.readAllWays(#"{" Body ": "x", "STATUS": "open", "Via": {"Channel": "web"}}"#, .jsonl)
            #expect(result.texts == ["x"])
            #expect(result.records[0].status == "open")
            #expect(result.records[0].channel == "web")
        }

        @Test func invalidUTF8InsideAStringIsRepaired() throws {
            var bytes = Array(#"{"body": "ab"#.utf8)
            bytes.append(0xC3)
            bytes += Array(#""}"#.utf8)
            let result = try InputTest.readAllWays(bytes: bytes, .jsonl, name: "t.jsonl", encoding: .utf8)
            #expect(result.texts == ["ab\u{FFFD}"])
            #expect(result.diagnostics == ["t.jsonl:1:13: warning: invalid UTF-8 replaced with U+FFFD at byte 13"])
            #expect(result.records[0].warnings == ["invalid UTF-8 replaced with U+FFFD at byte 13"])
        }

        /// `\uD800` without its low half (and a low half alone) is not a character: it is read as
        /// U+FFFD like ill-formed UTF-8, and the record says so (it counts as repaired).
        @Test func anUnpairedSurrogateEscapeIsRepairedWithAWarning() throws {
            let result = try InputTest.readAllWays(#"{"body": "解約\uD800です\uDC00"}"#, .jsonl, name: "t.jsonl")
            #expect(result.texts == ["解約\u{FFFD}です\u{FFFD}"])
            #expect(result.records[0].warnings == ["unpaired surrogate escape replaced with U+FFFD at byte 17"])
            #expect(result.diagnostics == ["t.jsonl:1:17: warning: unpaired surrogate escape replaced with U+FFFD at byte 17"])
            let paired = try InputTest.readAllWays(#"{"body": "\uD83D\uDE00"}"#, .jsonl)
            #expect(paired.texts == ["\u{1F600}"])
            #expect(paired.records[0].warnings.isEmpty)
        }

        @Test(arguments: ["", "\n", "\n\n  \n"])
        func inputsWithoutObjectsGiveNoRecords(input: String) throws {
            let result = try InputTest.readAllWays(input, .jsonl)
            #expect(result.records.isEmpty)
            #expect(!result.diagnostics.contains { $0.contains("error") })
        }
    }
}
