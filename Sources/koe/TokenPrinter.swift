import KoeKit

/// Writes the analyzer's current tokens in the chosen format: ICU's words, or those recut into
/// short units when a splitter is given.
final class TokenPrinter {
    let analyzer: TextAnalyzer
    let writer: ByteWriter
    let format: TokenizeCommand.Format
    let splitter: ShortUnitSplitter?
    private var spans: [(Int, Int)] = []
    private var units: [Token] = []

    init(analyzer: TextAnalyzer, writer: ByteWriter, format: TokenizeCommand.Format, splitter: ShortUnitSplitter? = nil) {
        self.analyzer = analyzer
        self.writer = writer
        self.format = format
        self.splitter = splitter
    }

    func printLine(_ number: Int) throws {
        let original = analyzer.originalUnits
        if let splitter { splitter.split(analyzer.tokens, text: analyzer.normalizedUnits, into: &units) }
        let tokens = splitter == nil ? analyzer.tokens : units
        switch format {
        case .text:
            var spans: [(Int, Int)] = []
            swap(&spans, &self.spans)
            defer { swap(&spans, &self.spans) }
            spans.removeAll(keepingCapacity: true)
            for token in tokens where token.kind != .space {
                spans.append((Int(analyzer.originalStart(token.start)), Int(analyzer.originalEnd(token.end))))
            }
            writer.appendUTF8(original, spans: spans, separator: 0x20)
        case .jsonl:
            let normalized = analyzer.normalizedUnits
            writer.append("{\"line\":")
            writer.appendDecimal(number)
            writer.append(",\"tokens\":[")
            for (i, token) in tokens.enumerated() {
                let start = analyzer.originalStart(token.start)
                let end = analyzer.originalEnd(token.end)
                writer.append(i == 0 ? "{\"text\":" : ",{\"text\":")
                writer.appendJSONString(original, from: Int(start), to: Int(end))
                writer.append(",\"norm\":")
                writer.appendJSONString(normalized, from: Int(token.start), to: Int(token.end))
                writer.append(",\"start\":")
                writer.appendDecimal(Int(analyzer.scalarOffset(start)))
                writer.append(",\"end\":")
                writer.appendDecimal(Int(analyzer.scalarOffset(end)))
                writer.append(",\"kind\":\"")
                writer.append(token.kind.name)
                writer.append("\"}")
            }
            writer.append("]}")
        }
        try writer.endLine()
    }
}
