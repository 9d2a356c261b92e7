import Foundation

/// The `Lexicon` a compiled lexicon came from: given, or built on first use (a compile read
/// from the cache builds it from the very bytes its key was computed on, so the two always
/// agree). Thread-safe.
final class LexiconSource: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Lexicon?
    private var build: (() -> Lexicon)?
    private var storedReport: ReportLexicon?

    init(_ lexicon: Lexicon) { built = lexicon }

    init(building: @escaping @Sendable () -> Lexicon) { build = building }

    var lexicon: Lexicon {
        lock.withLock {
            if let built { return built }
            let lexicon = build!()
            built = lexicon
            build = nil
            return lexicon
        }
    }

    /// Whether `lexicon` exists yet (given, or built on a first use).
    var isBuilt: Bool { lock.withLock { built != nil } }

    /// What the report reads of the lexicon: as the lexicon cache stored it, else taken from
    /// `lexicon` (built if need be).
    var report: ReportLexicon {
        get {
            if let stored = lock.withLock({ storedReport }) { return stored }
            let made = ReportLexicon(lexicon)
            lock.withLock { storedReport = made }
            return made
        }
        set { lock.withLock { storedReport = newValue } }
    }
}
