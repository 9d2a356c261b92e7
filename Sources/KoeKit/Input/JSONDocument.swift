import Foundation

/// A whole JSON document holding records (an API response): a top-level array of objects, or an
/// object with one array of objects (`tickets`, `data`, `results`, `conversations`, `items` …).
/// Turned into JSON Lines, one object per line, so the JSON Lines reader maps its fields.
enum JSONDocument {
    /// Keys that hold the records in common help-desk API responses, tried first.
    static let recordKeys = ["tickets", "data", "results", "conversations", "items", "records", "reviews", "responses", "rows"]

    /// The records of `bytes` as JSON Lines, how many there are, and where they were found.
    static func jsonLines(_ bytes: [UInt8], source: String) throws -> (lines: [UInt8], count: Int, found: String) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw InputError.unsupportedInput(path: source, reason: "it starts like a JSON document but is not valid JSON (\(Self.reason(error))); for one JSON object per line use --input-format jsonl")
        }
        let (records, found): ([Any], String)
        if let array = value as? [Any] {
            (records, found) = (array, "the top-level array")
        } else if let object = value as? [String: Any] {
            let arrays = object.filter { ($0.value as? [Any])?.contains { $0 is [String: Any] } ?? false }
            if let key = recordKeys.first(where: { arrays[$0] != nil }) ?? (arrays.count == 1 ? arrays.keys.first : nil) {
                (records, found) = (arrays[key] as! [Any], "\"\(key)\"")
            } else {
                let keys = object.keys.sorted().prefix(8).joined(separator: ", ")
                throw InputError.unsupportedInput(path: source, reason: "a JSON object without one array of records (keys: \(keys)); extract the records first, e.g. jq -c '.KEY[]' FILE | koe …")
            }
        } else {
            throw InputError.unsupportedInput(path: source, reason: "a JSON value that holds no records")
        }
        var out: [UInt8] = []
        for record in records {
            // A non-object element becomes a line the JSON Lines reader reports as an error record.
            let data = (try? JSONSerialization.data(withJSONObject: record, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data("null".utf8)
            out += data
            out.append(0x0A)
        }
        return (out, records.count, found)
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
