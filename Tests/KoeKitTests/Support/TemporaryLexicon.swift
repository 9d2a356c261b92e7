import Foundation
@testable import KoeKit

/// Mini lexicons for tests: each layer is a set of files (relative path → text) written to a
/// temporary folder, loaded in order like `--lexicon` layers, and removed again.
enum TemporaryLexicon {
    static func load(_ layers: [[String: String]]) throws -> (Lexicon, [Diagnostic]) {
        var dirs: [URL] = []
        defer { for dir in dirs { try? FileManager.default.removeItem(at: dir) } }
        for files in layers {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-lexicon-\(UUID().uuidString)")
            dirs.append(dir)
            for (path, text) in files {
                let url = dir.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        return Lexicon.load(layers: dirs.map(\.path))
    }
}
