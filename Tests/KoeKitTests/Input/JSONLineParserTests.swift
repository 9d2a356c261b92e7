import Testing
@testable import KoeKit

extension InputTests {
    @Suite struct JSONLineParserTests {
        static func parse(_ line: String) -> Result<(JSONLineParser.Value, [JSONLineParser.Member]?), JSONLineParser.SyntaxError> {
            let bytes = Array(line.utf8)
            return bytes.withUnsafeBufferPointer { p in
                Result { () throws(JSONLineParser.SyntaxError) in let r = try JSONLineParser.parse(p); return (r.value, r.members) }
            }
        }

        @Test(arguments: [
            (#"{"a": "x\"y\\z\/\b\f\n\r\t"}"#, "x\"y\\z/\u{8}\u{C}\n\r\t"),
            (#"{"a": "\u3042\u00e9"}"#, "あé"),
            (#"{"a": "\ud83d\ude21"}"#, "😡"),
            (#"{"a": "\ud83d x"}"#, "\u{FFFD} x"),
            (#"{"a": "日本語そのまま"}"#, "日本語そのまま"),
            (#"  {"a":""}  "#, ""),
        ])
        func decodesStrings(line: String, expected: String) throws {
            let members = try Self.parse(line).get().1
            #expect(members?.first?.value.string == expected)
        }

        @Test(arguments: [
            #"{}"#, #"{"a": [1, -0.5e+10, true, false, null, {"b": []}]}"#, #"{"a":1,"a":2}"#, "[1]", "\"s\"", "-0", "1E5",
        ])
        func acceptsValidJSON(line: String) throws {
            _ = try Self.parse(line).get()
        }

        @Test(arguments: [
            (#"{"a": 1,}"#, 8, "expected a string key"),
            (#"{"a" 1}"#, 5, "expected ':' after the key"),
            (#"{"a": 01}"#, 7, "expected ',' or '}'"),
            (#"{"a": 1.}"#, 8, "invalid number"),
            (#"{"a": tru}"#, 6, "expected a value"),
            (#"{"a": "\x"}"#, 7, "invalid escape"),
            (#"{"a": "\u12"}"#, 11, "invalid \\u escape"),
            ("{\"a\": \"tab\there\"}", 10, "control character in a string (write it as an escape)"),
            (#"{"a": 1} x"#, 9, "unexpected text after the JSON value"),
            (#"{"a": [1, 2}"#, 11, "expected ',' or ']'"),
            (#"{"a": "open"#, 11, "unterminated string"),
            (#"{"a":"#, 5, "unexpected end of line"),
        ])
        func rejectsInvalidJSON(line: String, offset: Int, message: String) {
            guard case .failure(let error) = Self.parse(line) else {
                Issue.record("accepted \(line)")
                return
            }
            #expect(error.offset == offset)
            #expect(error.message == message)
        }

        @Test func deepNestingIsAnErrorNotACrash() {
            let line = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
            guard case .failure(let error) = Self.parse(line) else {
                Issue.record("accepted 100000 levels")
                return
            }
            #expect(error.message == "nested deeper than 256 levels")
        }

        @Test func rawTextOfValuesIsKept() throws {
            let line = #"{"n": 1.50, "o": {"k": [1, "x"]}, "s": "t"}"#
            let bytes = Array(line.utf8)
            let raws = try bytes.withUnsafeBufferPointer { p in
                try JSONLineParser.parse(p).members?.map { String(decoding: p[$0.value.range], as: UTF8.self) }
            }
            #expect(raws == ["1.50", #"{"k": [1, "x"]}"#, #""t""#])
        }
    }
}
