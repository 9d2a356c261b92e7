import ArgumentParser
import Foundation
import KoeKit

/// Options shared by the commands that classify many records: lexicon layers and workers.
struct EngineOptions: ParsableArguments {
    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
    var lexicons: [String] = []

    @Flag(help: HelpText.noCache)
    var noCache = false

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
    }

    /// The compiled, layered lexicon and one classifier per worker; lexicon errors exit 78.
    func load(quiet: Bool) throws -> (CompiledLexicon, ClassifierPool) {
        let lexicon = try loadCompiledLexicon(extra: lexicons, quiet: quiet, noCache: noCache)
        let pool = try ClassifierPool(lexicon: lexicon, jobs: jobs)
        ProcessLifetime.keep(pool)
        return (lexicon, pool)
    }
}

/// The built-in lexicon plus user layers, compiled: through the lexicon cache
/// (`$XDG_CACHE_HOME/koe`, else `~/.cache/koe`) unless `noCache` or `KOE_NO_CACHE=1`. Lexicon
/// errors print and exit 78 (a lexicon with errors is never cached); what happened to the
/// cache (a damaged file rebuilt, a folder that cannot be written) is a note unless `quiet`.
func loadCompiledLexicon(extra: [String], quiet: Bool, noCache: Bool) throws -> CompiledLexicon {
    let environment = ProcessInfo.processInfo.environment
    let cache = noCache || LexiconCache.isDisabled(environment: environment)
        ? nil
        : LexiconCache.defaultDirectory(environment: environment).map { LexiconCache(directory: $0, programVersion: Koe.version) }
    let loaded = try cache?.loadDefault(extra: extra) ?? LexiconCache.uncached(extra: extra)
    if !quiet { for note in loaded.notes { Stderr.print("koe: \(note)") } }
    try failOnLexiconErrors(loaded.diagnostics)
    guard let lexicon = loaded.lexicon else { throw ExitStatus.badConfig }
    return lexicon
}

/// Objects that live until the process exits. A command's compiled lexicon holds a few hundred
/// thousand strings and arrays; freeing them one by one when the command returns costs
/// milliseconds on every run, and the process ends right after anyway.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep(_ object: AnyObject) { kept.append(object) }
}
