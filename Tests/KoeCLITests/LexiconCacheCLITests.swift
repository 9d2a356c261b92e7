import Foundation
import Testing

/// The compiled-lexicon cache end to end: cached, freshly cached and uncached runs write the
/// same bytes; `KOE_NO_CACHE=1` and `--no-cache` write nothing; a cache folder that cannot be
/// written is one note. Each test gives koe a cache folder of its own.
@Suite struct LexiconCacheCLITests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let tickets = checkout.appendingPathComponent("corpora/sample/tickets.csv").path

    static func withCacheHome(_ body: (URL) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("koe-xdg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try body(home)
    }

    static func cacheFiles(_ home: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("koe").path)) ?? []).sorted()
    }

    static func inode(_ home: URL) throws -> UInt64 {
        let file = try #require(cacheFiles(home).first)
        let attributes = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("koe/\(file)").path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    @Test(arguments: [
        ["classify", tickets, "--jobs", "2"],
        ["report", tickets, "--format", "json"],
        ["report", tickets, "--format", "markdown"],
    ])
    func cachedAndUncachedRunsWriteTheSameBytes(_ arguments: [String]) throws {
        try Self.withCacheHome { home in
            let env = ["XDG_CACHE_HOME": home.path]
            let uncached = try KoeRunner.run(arguments + ["-q"], environment: env.merging(["KOE_NO_CACHE": "1"]) { $1 })
            #expect(uncached.status == 0, "\(uncached.stderr)")
            #expect(Self.cacheFiles(home).isEmpty)
            let cold = try KoeRunner.run(arguments, environment: env)
            #expect(cold.status == 0 && !cold.stderr.contains("cache"), "\(cold.stderr)")
            #expect(Self.cacheFiles(home).count == 1)
            let written = try Self.inode(home)
            let warm = try KoeRunner.run(arguments, environment: env)
            #expect(warm.status == 0 && !warm.stderr.contains("cache"), "\(warm.stderr)")
            // Read, not rewritten: a rewrite renames a new file into place.
            #expect(try Self.inode(home) == written)
            #expect(cold.stdout == uncached.stdout)
            #expect(warm.stdout == uncached.stdout)
            #expect(!warm.stdout.isEmpty)
        }
    }

    @Test(arguments: [(["KOE_NO_CACHE": "1"], [String]()), ([:], ["--no-cache"])])
    func bypassingTheCacheWritesNothing(_ environment: [String: String], _ flags: [String]) throws {
        try Self.withCacheHome { home in
            let r = try KoeRunner.run(
                ["classify", "-q"] + flags, stdin: Data("返信が来ません\n".utf8),
                environment: environment.merging(["XDG_CACHE_HOME": home.path]) { $1 })
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: home.path))
        }
    }

    @Test func aCacheFolderThatCannotBeWrittenIsOneNote() throws {
        try Self.withCacheHome { home in
            // A regular file where the cache home should be a folder.
            try Data("x".utf8).write(to: home)
            let r = try KoeRunner.run(
                ["classify", "--no-text"], stdin: Data("返信が来ません\n".utf8), environment: ["XDG_CACHE_HOME": home.path])
            #expect(r.status == 0)
            let notes = r.stderr.split(separator: "\n").filter { $0.contains("cache") }
            #expect(notes.count == 1 && notes[0].contains("cannot write the lexicon cache"), "\(r.stderr)")
            #expect(r.out.contains("\"stance\":\"dissatisfaction\""))
        }
    }

    @Test func aTruncatedCacheIsRebuiltWithOneNote() throws {
        try Self.withCacheHome { home in
            let env = ["XDG_CACHE_HOME": home.path]
            let input = Data("返信が来ません\n".utf8)
            let first = try KoeRunner.run(["classify", "--no-text", "-q"], stdin: input, environment: env)
            let file = home.appendingPathComponent("koe/\(try #require(Self.cacheFiles(home).first))")
            let data = try Data(contentsOf: file)
            try data.prefix(data.count - 100).write(to: file)
            let second = try KoeRunner.run(["classify", "--no-text"], stdin: input, environment: env)
            #expect(second.status == 0 && second.stdout == first.stdout)
            let notes = second.stderr.split(separator: "\n").filter { $0.contains("cache") }
            #expect(notes.count == 1 && notes[0].contains("damaged (truncated)"), "\(second.stderr)")
            #expect(try Data(contentsOf: file).count == data.count)
        }
    }

    /// Runs that start together with no cache each write a whole file; the one left in place
    /// is read by the next run.
    @Test func concurrentFirstRunsLeaveAReadableCache() throws {
        try Self.withCacheHome { home in
            let env = ["XDG_CACHE_HOME": home.path]
            let input = Data("返信が来ません。解約します\n".utf8)
            let lock = NSLock()
            nonisolated(unsafe) var outputs: [KoeRunner.Result] = []
            DispatchQueue.concurrentPerform(iterations: 3) { _ in
                let r = try? KoeRunner.run(["classify", "--no-text", "-q", "--jobs", "1"], stdin: input, environment: env)
                lock.withLock { if let r { outputs.append(r) } }
            }
            #expect(outputs.count == 3 && outputs.allSatisfy { $0.status == 0 })
            #expect(Set(outputs.map(\.stdout)).count == 1)
            #expect(Self.cacheFiles(home).count == 1, "\(Self.cacheFiles(home))")
            let written = try Self.inode(home)
            let next = try KoeRunner.run(["classify", "--no-text"], stdin: input, environment: env)
            #expect(!next.stderr.contains("cache") && next.stdout == outputs[0].stdout)
            #expect(try Self.inode(home) == written)
        }
    }
}
