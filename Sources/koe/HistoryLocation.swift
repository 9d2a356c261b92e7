import Foundation

/// Where the history lives when `--history` is given without a path.
enum HistoryLocation {
    static let defaultPath = ".koe/history.sqlite"

    static func prepareDirectory(for path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
}
