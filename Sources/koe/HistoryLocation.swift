import Foundation
import KoeHistory

/// Where the history lives when `--history` is given without a path.
enum HistoryLocation {
    static let defaultPath = ".koe/history.sqlite"

    /// Creates `.koe/` for the default path; a folder named in `--db` must exist already.
    static func prepareDirectory(for path: String) throws {
        guard path == defaultPath else { return }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)
                .map { String(cString: strerror(Int32($0.code))) } ?? "cannot create the folder"
            throw HistoryError.cannotOpen(path: path, reason: "cannot create folder '\(dir.path)': \(reason)")
        }
    }

    /// `koe: PATH: error: …` with the path once (history errors already name it).
    static func message(_ error: Error, path: String) -> String {
        error is HistoryError ? "koe: \(error)" : "koe: \(path): error: \(error)"
    }
}
