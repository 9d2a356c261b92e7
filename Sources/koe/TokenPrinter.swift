import KoeKit

/// Writes the analyzer's current tokens in the chosen format.
struct TokenPrinter {
    let analyzer: TextAnalyzer
    let writer: ByteWriter
    let format: TokenizeCommand.Format

    func printLine(_ number: Int) throws {
        let original = analyzer.originalUnits
        switch format {
        case .text:
            var first = true
            for token in analyzer.tokens where token.kind != .space {
                if !first { writer.append(0x20) }
                first = false
                writer.appendUTF8(original, from: Int(analyzer.originalStart(token.start)), to: Int(analyzer.originalEnd(token.end)))
            }
        case .jsonl:
            let normalized = analyzer.normalizedUnits
            writer.append("{\"line\":")
            writer.appendDecimal(number)
            writer.append(",\"tokens\":[")
            for (i, token) in analyzer.tokens.enumerated() {
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
