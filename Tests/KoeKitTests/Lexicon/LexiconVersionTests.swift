import Foundation
import Testing
@testable import KoeKit

/// `koe --version` reads the lexicon version from the files' bytes without parsing them: it must
/// be the version a full load reports, and change with any byte.
@Suite struct LexiconVersionTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-version-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test func theVersionFromBytesIsTheVersionALoadReports() throws {
        let files = [
            "signals.tsv": "trouble\tdissatisfaction\t不具合\n",
            "entries/a.tsv": "届く<neg>\ttrouble\t1\tv5\n",
            "entries/b.tsv": "便利\tpos\t1\tadj-na\n",
        ]
        let dir = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = Lexicon.load(layers: [dir.path]).0.version
        #expect(loaded.count == 8)
        #expect(Lexicon.version(ofLayers: [dir.path]) == loaded)

        var edited = files
        edited["entries/b.tsv"] = "便利\tpos\t2\tadj-na\n"
        let other = try Self.folder(edited)
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(Lexicon.version(ofLayers: [other.path]) != loaded)
        #expect(Lexicon.version(ofLayers: [other.path]) == Lexicon.load(layers: [other.path]).0.version)
    }

    @Test func aLayerWithoutFilesHasNoVersion() throws {
        let dir = try Self.folder(["README.md": "no lexicon here\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Lexicon.version(ofLayers: [dir.path]) == nil)
    }
}
