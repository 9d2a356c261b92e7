import Foundation
import Testing
@testable import KoeKit

/// The suites of the record readers (KoeKit/Input), grouped so `--filter Input` runs them.
@Suite enum InputTests {}

/// Everything a reader produced for one input.
struct ReadResult {
    var records: [Record]
    var diagnostics: [String]
    var columns: [String]
    var encoding: InputEncoding

    var texts: [String] { records.map(\.text) }
    var lines: [Int] { records.map(\.line) }
    var errors: [String?] { records.map(\.error) }

    /// Everything, for comparing two reads.
    var dump: String { "\(records.map { String(describing: $0) })\n\(diagnostics)\n\(columns)" }
}

enum InputTest {
    /// Read sizes that put buffer boundaries everywhere (1, 2, 3, 7 bytes) and nowhere.
    static let readSizes = [1, 2, 3, 7, Int.max]

    static let fixtures: URL = {
        let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures")
        return root.appendingPathComponent("input")
    }()

    static func fixturePath(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Reads all of `bytes` with one read size.
    static func read(
        bytes: [UInt8], _ format: InputFormat, name: String = "in", encoding: InputEncoding = .auto,
        mapping: FieldMapping = .init(), maxRead: Int = .max
    ) throws -> ReadResult {
        try drain(RecordReader(bytes: bytes, name: name, maxRead: maxRead, format: format, encoding: encoding, mapping: mapping))
    }

    /// Every record of `reader`, with the diagnostics it gave before, between and after them.
    static func drain(_ reader: RecordReader) throws -> ReadResult {
        var records: [Record] = []
        var diagnostics = reader.takeDiagnostics().map(\.description)
        while let record = try reader.next() {
            records.append(record)
            diagnostics += reader.takeDiagnostics().map(\.description)
        }
        diagnostics += reader.takeDiagnostics().map(\.description)
        return ReadResult(records: records, diagnostics: diagnostics, columns: reader.columns, encoding: reader.encoding)
    }

    /// Reads `bytes` with every read size in `readSizes`, checks they all agree, and returns
    /// the result.
    static func readAllWays(
        bytes: [UInt8], _ format: InputFormat, name: String = "in", encoding: InputEncoding = .auto,
        mapping: FieldMapping = .init(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> ReadResult {
        let whole = try read(bytes: bytes, format, name: name, encoding: encoding, mapping: mapping)
        for size in readSizes.dropLast() {
            let split = try read(bytes: bytes, format, name: name, encoding: encoding, mapping: mapping, maxRead: size)
            #expect(split.dump == whole.dump, "reading \(size) bytes at a time differs", sourceLocation: sourceLocation)
        }
        return whole
    }

    static func readAllWays(
        _ text: String, _ format: InputFormat, name: String = "in", mapping: FieldMapping = .init(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> ReadResult {
        try readAllWays(bytes: Array(text.utf8), format, name: name, mapping: mapping, sourceLocation: sourceLocation)
    }
}

extension InputTest {
    /// Reads `bytes` with the format told from the content, with every read size; returns the
    /// result and what the reader chose.
    static func sniffed(
        bytes: [UInt8], name: String = "<stdin>", implied: InputFormat.Family? = nil, mapping: FieldMapping = .init(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (ReadResult, InputDescription) {
        var first: (ReadResult, InputDescription)?
        for size in readSizes.reversed() {
            let reader = try RecordReader(bytes: bytes, name: name, maxRead: size, format: nil, implied: implied, mapping: mapping)
            let result = try drain(reader)
            if let first {
                #expect(result.dump == first.0.dump, "reading \(size) bytes at a time differs", sourceLocation: sourceLocation)
                #expect(reader.layout.summary == first.1.summary, "reading \(size) bytes at a time", sourceLocation: sourceLocation)
            } else {
                first = (result, reader.layout)
            }
        }
        return first!
    }

    static func sniffed(_ text: String, name: String = "<stdin>", implied: InputFormat.Family? = nil) throws -> (ReadResult, InputDescription) {
        try sniffed(bytes: Array(text.utf8), name: name, implied: implied)
    }
}
