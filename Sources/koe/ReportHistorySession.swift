import Foundation
import KoeHistory
import KoeKit

/// The history of one `koe report --db` run: opened (and read) before the report is built,
/// written only after the report was written. A file this run created is removed again when
/// the run fails before saving, so a failed run leaves no trace.
struct ReportHistorySession {
    let store: HistoryStore
    let path: String
    let created: Bool

    /// Opens (creating) the history; prints the problem and throws exit 74 when it cannot.
    static func open(_ path: String) throws -> ReportHistorySession {
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            try HistoryLocation.prepareDirectory(for: path)
            return ReportHistorySession(store: try HistoryStore(path: path), path: path, created: !existed)
        } catch {
            Stderr.print(HistoryLocation.message(error, path: path))
            throw ExitStatus.ioError
        }
    }

    /// Saves every week of the run in one transaction; prints the problem and throws exit 74.
    func save(_ weeks: [WeekSnapshot]) throws {
        do {
            try store.save(weeks)
        } catch {
            Stderr.print(HistoryLocation.message(error, path: path))
            discard()
            throw ExitStatus.ioError
        }
    }

    /// The run failed: a history file it created goes again (with SQLite's side files).
    func discard() {
        guard created else { return }
        try? store.close()
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
