import Foundation
import Testing
@testable import KoeKit

extension InputTests {
    /// The same records as JSON Lines, a pretty array, a minified wrapper and concatenated pages
    /// read back alike, whatever the read size (seeded, so a failure reproduces).
    @Suite struct JSONShapesPropertyTests {
        static func quoted(_ s: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
            return String(array.dropFirst().dropLast())
        }

        @Test(arguments: 0..<25)
        func shapesReadAlike(seed: Int) throws {
            var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
            let count = Int.random(in: 1...6, using: &rng)
            var ids: [String] = []
            var texts: [String] = []
            var objects: [String] = []
            for k in 0..<count {
                var text = rng.mixedJapanese(length: Int.random(in: 1...30, using: &rng))
                if Bool.random(using: &rng) { text += "\n\"引用\"\t\\" }
                let id = "T-\(seed)-\(k)"
                ids.append(id)
                texts.append(text)
                let extra = Bool.random(using: &rng) ? ",\"custom_fields\":[{\"id\":\(k),\"value\":null}]" : ""
                objects.append("{\"id\":\(Self.quoted(id)),\"description\":\(Self.quoted(text)),\"via\":{\"channel\":\"web\"}\(extra)}")
            }
            let half = max(1, count / 2)
            let shapes: [(String, InputFormat)] = [
                (objects.joined(separator: "\n") + "\n", count > 1 ? .jsonl : .json),
                ("[\n  " + objects.joined(separator: ",\n  ") + "\n]\n", .json),
                ("{\"tickets\":[" + objects.joined(separator: ",") + "],\"count\":\(count)}", .json),
                ("{\"tickets\":[" + objects[..<half].joined(separator: ",") + "]}\n{\"tickets\":["
                    + objects[half...].joined(separator: ",") + "]}\n", .json),
            ]
            for (text, format) in shapes {
                let (r, layout) = try InputTest.sniffed(text)
                #expect(layout.format == format, "\(text)")
                #expect(r.records.map(\.id) == ids, "\(text)")
                #expect(r.texts == texts, "\(text)")
                #expect(r.records.allSatisfy { $0.channel == "web" && $0.error == nil })
            }
        }
    }
}
