import Foundation

/// The `Lexicon` a compiled lexicon came from: given, or built on first use (a compile read
/// from the cache builds it from the very bytes its key was computed on, so the two always
/// agree). Thread-safe.
final class LexiconSource: @unchecked Sendable {
    private let lock = NSLock()
    private var built: Lexicon?
    private var build: (() -> Lexicon)?

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
}
