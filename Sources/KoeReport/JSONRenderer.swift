import Foundation
import KoeKit

/// The weekly report as JSON: exactly the `WeeklyReport` structure, keys in snake_case and
/// sorted, doubles rounded (shares to 4 decimals, means and z-scores to 2), so the output is
/// byte-for-byte stable. Read it back with `JSONRenderer.makeDecoder()`.
public struct JSONRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: WeeklyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(report.roundedForJSON())
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A decoder for this renderer's output (plain snake-case conversion).
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
