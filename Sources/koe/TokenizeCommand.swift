import ArgumentParser
import KoeKit

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split Japanese text into words, one output line per input line.",
        discussion: """
            Reads the FILEs (or stdin) line by line and writes one line per input line, in order. \
            Input is UTF-8, or CP932 or UTF-16 when its first bytes say so (announced on stderr). Empty \
            lines stay empty; bytes that do not decode are replaced with U+FFFD and reported on \
            stderr as FILE:LINE:COL (byte column). Words listed in the lexicons' words.tsv are kept whole.

            --units short (the default) writes the short units of Japanese corpora (UniDic, UD \
            Japanese) where ICU's words differ most: kana function words and verb endings are cut \
            by the lexicons' units.tsv (ました → まし た, 入って → 入っ て). --units icu writes ICU's \
            words, the boundaries koe's lexicon matches respect (as `koe explain` shows them).

            With --format text, the surfaces of the original text separated by one space \
            (spaces dropped). With --format jsonl, {"line":N,"tokens":[{"text","norm","start","end","kind"}]}: \
            start/end are Unicode scalar (code point) offsets into the original line, end \
            exclusive, and kind is number, letter, kana, ideo, symbol or space.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }
    enum Units: String, ExpressibleByArgument, CaseIterable { case short, icu }

    @Argument(help: "Input files (default: stdin).")
    var files: [String] = []

    @Option(name: [.short, .long], help: "Output format: text or jsonl.")
    var format: Format = .text

    @Option(help: "Word units: short (kana function words and verb endings cut as in UniDic) or icu.")
    var units: Units = .short

    @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
    var lexicons: [String] = []

    @Flag(help: "Do not merge user words (words.tsv).")
    var noUserWords = false

    @Flag(help: "Exit with 65 when any line had invalid UTF-8.")
    var strict = false

    @Flag(name: [.short, .long], help: "No warnings on stderr.")
    var quiet = false

    func run() throws {
        var needed: Set<LexiconParser.FileKind> = noUserWords ? [] : [.words]
        if units == .short { needed.insert(.units) }
        let lexicon = needed.isEmpty ? Lexicon() : try loadLexicon(extra: lexicons, quiet: quiet, only: needed)
        let words = noUserWords ? UserWordList() : try UserWordList(words: lexicon.words)
        let analyzer = try TextAnalyzer(userWords: words)
        let writer = ByteWriter()
        let splitter = units == .short ? ShortUnitSplitter(lexicon.units) : nil
        let printer = TokenPrinter(analyzer: analyzer, writer: writer, format: format, splitter: splitter)
        var repaired = 0
        for reader in try openInputs(files) {
            do {
                try reader.forEachLine { line, number in
                    if number == 1 && reader.encoding != .utf8 && !quiet {
                        Stderr.print("koe: \(reader.name): read as \(reader.encoding.displayName)")
                    }
                    try analyzer.analyze(utf8: line)
                    if let col = reader.undecodedColumn {
                        repaired += 1
                        if !quiet {
                            Stderr.print("\(reader.name):\(number):\(col): warning: bytes that are not \(reader.encoding.displayName) replaced with U+FFFD")
                        }
                    } else if analyzer.substitutions > 0 {
                        repaired += 1
                        if !quiet {
                            let col = (UTF8Validation.firstInvalidOffset(line) ?? 0) + 1
                            Stderr.print("\(reader.name):\(number):\(col): warning: invalid UTF-8 replaced with U+FFFD")
                        }
                    }
                    try printer.printLine(number)
                }
            } catch let error as InputError {
                Stderr.print("koe: \(error)")
                throw ExitStatus.ioError
            }
        }
        try writer.flush()
        if repaired > 0 && strict { throw ExitStatus.badData }
    }
}

/// Opens every input file up front so a missing file fails before any output (exit 66).
func openInputs(_ files: [String]) throws -> [LineReader] {
    if files.isEmpty || files == ["-"] { return [LineReader.standardInput()] }
    return try files.map { path in
        if path == "-" { return LineReader.standardInput() }
        do { return try LineReader(path: path) } catch {
            Stderr.print("koe: \(error)")
            throw ExitStatus.noInput
        }
    }
}
