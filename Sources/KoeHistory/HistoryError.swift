/// Everything that can go wrong with the history file, worded like a compiler diagnostic
/// (`history.sqlite: error: …`) so the CLI can print it as is.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database (or is encrypted / corrupt in its header).
    case notADatabase(path: String)
    /// The file cannot be opened or read (directory, permissions, missing folder …).
    case cannotOpen(path: String, reason: String)
    /// A week that is not an ISO week such as `2026-W47`.
    case invalidWeek(String)
    /// `save` was given an id that another run minted for a different issue meanwhile, or twice
    /// in one call: assign identities again (or use `saveAssigning`).
    case identityConflict(path: String, id: String, week: String)
    /// An SQLite database that is not a koe history (another application's file): not touched.
    case foreignDatabase(path: String, tables: [String])
    /// Any other SQLite failure.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .notADatabase(path):
            return "\(path): error: not an SQLite database (is this the koe history file?)"
        case let .cannotOpen(path, reason):
            return "\(path): error: cannot open history: \(reason)"
        case let .invalidWeek(week):
            return "error: invalid ISO week '\(week)' (expected e.g. 2026-W47)"
        case let .identityConflict(path, id, week):
            return "\(path): error: issue id '\(id)' for \(week) was taken by another run; assign identities again"
        case let .foreignDatabase(path, tables):
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return "\(path): error: not a koe history file (an SQLite database with other tables: \(shown)); left untouched"
        case let .database(path, message):
            return "\(path): error: \(message)"
        }
    }
}
