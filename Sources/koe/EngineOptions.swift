import ArgumentParser
import Foundation
import KoeKit

/// Options shared by the commands that classify many records: lexicon layers and workers.
struct EngineOptions: ParsableArguments {
    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
    var lexicons: [String] = []

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
    }

    /// The layered lexicon and one classifier per worker; lexicon errors exit 78.
    func load(quiet: Bool) throws -> (Lexicon, ClassifierPool) {
        TextAnalyzer.preloadDictionaryPairs()
        let lexicon = try loadLexicon(extra: lexicons, quiet: quiet)
        let pool = try ClassifierPool(lexicon: CompiledLexicon(lexicon), jobs: jobs)
        ProcessLifetime.keep(pool)
        return (lexicon, pool)
    }
}

/// Objects that live until the process exits. A command's compiled lexicon holds a few hundred
/// thousand strings and arrays; freeing them one by one when the command returns costs
/// milliseconds on every run, and the process ends right after anyway.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep(_ object: AnyObject) { kept.append(object) }
}
