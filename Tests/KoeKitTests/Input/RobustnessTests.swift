import Foundation
import Testing
@testable import KoeKit

extension InputTests {
    /// Inputs that must never crash or lose records: huge cells, NUL bytes, empty files, files.
    @Suite struct RobustnessTests {
        static let megabyte = String(repeating: "あいうえお", count: 70_000)  // 1.05 MB of UTF-8

        @Test(arguments: InputFormat.allCases)
        func aOneMegabyteRecordIsReadWhole(format: InputFormat) throws {
            let input = switch format {
            case .text: Self.megabyte + "\nnext\n"
            case .jsonl: "{\"body\": \"\(Self.megabyte)\"}\n{\"body\": \"next\"}\n"
            case .json: "[\n  {\"body\": \"\(Self.megabyte)\"},\n  {\"body\": \"next\"}\n]\n"
            case .csv: "id,body\n1,\"\(Self.megabyte)\n\"\"\"\n2,next\n"
            case .tsv: "id\tbody\n1\t\(Self.megabyte)\n2\tnext\n"
            }
            let result = try InputTest.read(bytes: Array(input.utf8), format, maxRead: 4096)
            #expect(result.records.count == 2)
            #expect(result.records[0].text.hasPrefix(Self.megabyte))
            #expect(result.records[1].text == "next")
            #expect(result.diagnostics.isEmpty)
        }

        @Test(arguments: InputFormat.allCases)
        func nulBytesAreData(format: InputFormat) throws {
            let input = switch format {
            case .text: "a\u{0}b\n"
            case .jsonl: "{\"body\": \"a\\u0000b\"}\n"
            case .json: "[{\"body\": \"a\\u0000b\"}]"
            case .csv: "id,body\n1,a\u{0}b\n"
            case .tsv: "id\tbody\n1\t\"a\u{0}b\"\n"
            }
            let result = try InputTest.readAllWays(input, format)
            #expect(result.texts == ["a\u{0}b"])
            #expect(result.errors == [nil])
        }

        @Test func aRawNULInsideAJSONStringIsAnErrorRecord() throws {
            let result = try InputTest.readAllWays("{\"body\": \"a\u{0}b\"}\n", .jsonl, name: "t.jsonl")
            #expect(result.errors == ["line 1: invalid JSON at byte 12: control character in a string (write it as an escape)"])
        }

        @Test(arguments: InputFormat.allCases, [InputEncoding.auto, .utf8, .cp932])
        func emptyInputGivesNoRecordsAndNoErrors(format: InputFormat, encoding: InputEncoding) throws {
            let result = try InputTest.read(bytes: [], format, encoding: encoding)
            #expect(result.records.isEmpty)
            #expect(result.diagnostics.isEmpty)
        }

        @Test func readsFilesByPath() throws {
            let reader = try RecordReader(path: InputTest.fixturePath("unterminated-eof.csv"), format: .csv)
            var count = 0
            while try reader.next() != nil { count += 1 }
            #expect(count == 4)
            #expect(reader.columns == ["id", "body", "status"])
            #expect(reader.takeDiagnostics().count == 1)
            #expect(reader.diagnostics.isEmpty)
            #expect(try reader.next() == nil)
        }

        @Test func missingFilesAndDirectoriesCannotBeOpened() {
            #expect(throws: InputError.cannotOpen(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
                _ = try RecordReader(path: "/nonexistent/x.csv", format: .csv)
            }
            let directory = InputTest.fixtures.path
            #expect(throws: InputError.cannotOpen(path: directory, reason: "is a directory")) {
                _ = try RecordReader(path: directory, format: .text)
            }
        }

        @Test func randomBytesNeverCrashAnyFormat() throws {
            var rng = SeededGenerator(seed: 2026)
            let alphabet: [UInt8] = Array("\",\t\n\r{}[]:\\ a0".utf8) + [0x00, 0x82, 0xA0, 0xE3, 0x81, 0xFF]
            for _ in 0..<300 {
                let bytes = (0..<Int.random(in: 0...60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                for format in InputFormat.allCases {
                    for encoding in [InputEncoding.utf8, .cp932] {
                        let mapping = FieldMapping(text: "a")
                        guard let whole = try? InputTest.read(bytes: bytes, format, encoding: encoding, mapping: mapping)
                        else { continue }
                        let split = try InputTest.read(bytes: bytes, format, encoding: encoding, mapping: mapping, maxRead: 3)
                        #expect(split.dump == whole.dump, "\(format) \(encoding) \(bytes)")
                        #expect(whole.records.map(\.number) == Array(stride(from: 1, through: whole.records.count, by: 1)))
                    }
                }
            }
        }
    }
}
