import Foundation
import Testing
@testable import KoeKit

/// The compiled-lexicon cache: a cached compile classifies exactly like a fresh one, an edit
/// to any lexicon file is never served from the cache, and a damaged file is rebuilt with a
/// note. Every test uses a cache folder of its own (never the user's).
@Suite struct LexiconCacheTests {
    /// A fresh cache folder and a user layer folder holding `layer`, removed afterwards.
    static func withCache(layer: [String: String] = [:], _ body: (LexiconCache, URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("koe-cache-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layerDir = root.appendingPathComponent("layer")
        try FileManager.default.createDirectory(at: layerDir, withIntermediateDirectories: true)
        for (name, text) in layer { try text.write(to: layerDir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(LexiconCache(directory: root.appendingPathComponent("cache"), programVersion: "test"), layerDir)
    }

    static func cacheFiles(_ cache: LexiconCache) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".bin") }.map { cache.directory.appendingPathComponent($0) }
    }

    /// A made-up katakana word no shipped lexicon knows, so only the user layer labels it.
    static let word = "ズルモコ"

    @Test func aSecondLoadReadsTheCacheAndClassifiesExactlyLikeAFreshCompile() throws {
        try Self.withCache(layer: ["mine.tsv": "\(Self.word)\tpos\t2\t-\n"]) { cache, layer in
            let first = try cache.loadDefault(extra: [layer.path])
            #expect(!first.fromCache && first.notes.isEmpty)
            #expect(Self.cacheFiles(cache).count == 1)
            let second = try cache.loadDefault(extra: [layer.path])
            #expect(second.fromCache && second.notes.isEmpty)
            let fresh = try #require(LexiconCache.uncached(extra: [layer.path]).lexicon)
            let cached = try #require(second.lexicon)
            #expect(cached.keyCount == fresh.keyCount)
            let texts = BuiltInLexicon.loaded.lexicon.examples.map(\.text) + ["\(Self.word)でした", "返信が来ないので解約します"]
            let a = try Classifier(lexicon: fresh), b = try Classifier(lexicon: cached)
            for text in texts {
                #expect(try a.classify(text) == b.classify(text), "\(text)")
                // The JSON writer reads the stored byte tables (entry, pattern, signal, topic).
                let writtenA = ByteBuffer(), writtenB = ByteBuffer()
                var utf8 = Array(text.utf8)
                _ = try utf8.withUnsafeMutableBufferPointer { try a.classifyJSON(utf8: UnsafeBufferPointer($0), appendingTo: writtenA) }
                _ = try utf8.withUnsafeMutableBufferPointer { try b.classifyJSON(utf8: UnsafeBufferPointer($0), appendingTo: writtenB) }
                #expect(writtenA.array == writtenB.array, "\(text)")
            }
            // What report, explain and cluster read of the source lexicon, rebuilt from the files.
            #expect(cached.lexicon.version == fresh.lexicon.version)
            #expect(cached.lexicon.entries.map(\.location) == fresh.lexicon.entries.map(\.location))
            #expect(cached.lexicon.issueKinds == fresh.lexicon.issueKinds)
            let explained = try [a, b].map { try $0.explain("\(Self.word)。でも遅い").matches.map { "\($0)" } }
            #expect(explained[0] == explained[1] && !explained[0].isEmpty)
        }
    }

    /// `koe report` from the cache reads what it needs of the source lexicon from the cache
    /// too: the same as the files give, without parsing them.
    @Test func aCachedLoadGivesTheReportItsPartWithoutBuildingTheSourceLexicon() throws {
        try Self.withCache { cache, _ in
            _ = try cache.loadDefault()
            let second = try cache.loadDefault()
            #expect(second.fromCache)
            let cached = try #require(second.lexicon)
            let report = cached.reportLexicon
            _ = ReportBuilder(options: ReportOptions(), lexicon: cached)
            let classifier = try Classifier(lexicon: cached), text = "同期ボタンを押してもデータが消える"
            #expect(try !classifier.issueFeatures(of: classifier.classify(text), text: text).weights.isEmpty)
            #expect(!cached.source.isBuilt)
            let fresh = try #require(LexiconCache.uncached().lexicon)
            #expect(report == ReportLexicon(fresh.lexicon))
            #expect(cached.lexicon.version == report.version)
            // Every part is there to compare (the built-in pack has each).
            #expect(!report.version.isEmpty && !report.entries.isEmpty && !report.issueKinds.isEmpty)
            #expect(!report.grammaticalEntries.isEmpty && !report.synonyms.isEmpty)
            #expect(report.signals.values.contains { ($0.report?.count ?? 0) > 0 })
        }
    }

    @Test func anEditedLexiconFileIsNeverReadFromTheCache() throws {
        try Self.withCache(layer: ["mine.tsv": "\(Self.word)\tpos\t2\t-\n"]) { cache, layer in
            let before = try #require(cache.loadDefault(extra: [layer.path]).lexicon)
            #expect(try Classifier(lexicon: before).classify(Self.word).stance == .success)
            try "\(Self.word)\tneg\t2\t-\n".write(to: layer.appendingPathComponent("mine.tsv"), atomically: true, encoding: .utf8)
            let edited = try cache.loadDefault(extra: [layer.path])
            #expect(!edited.fromCache)
            #expect(edited.notes.count == 1 && edited.notes[0].contains("lexicons changed"), "\(edited.notes)")
            #expect(try Classifier(lexicon: #require(edited.lexicon)).classify(Self.word).stance == .dissatisfaction)
            // The rebuilt file is the one read next time: still one file for this set of layers.
            #expect(try cache.loadDefault(extra: [layer.path]).fromCache)
            #expect(Self.cacheFiles(cache).count == 1)
        }
    }

    enum Damage: String, CaseIterable, Sendable {
        case truncated, flippedByte, empty, otherFormat
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheIsRebuiltWithOneNote(_ damage: Damage) throws {
        try Self.withCache { cache, _ in
            _ = try cache.loadDefault()
            let file = try #require(Self.cacheFiles(cache).first)
            var data = try Data(contentsOf: file)
            switch damage {
            case .truncated: data = data.prefix(data.count / 2)
            // In the last table (ICU's dictionary pairs, plain bits): only the checksum can tell.
            case .flippedByte: data[data.count - 1000] ^= 0x5A
            case .empty: data = Data()
            case .otherFormat: data[8] &+= 1
            }
            try data.write(to: file)
            let rebuilt = try cache.loadDefault()
            #expect(!rebuilt.fromCache && rebuilt.lexicon != nil)
            #expect(rebuilt.notes.count == 1 && rebuilt.notes[0].contains("damaged"), "\(rebuilt.notes)")
            let again = try cache.loadDefault()
            #expect(again.fromCache && again.notes.isEmpty)
        }
    }

    @Test func aLexiconWithErrorsIsNeverCached() throws {
        try Self.withCache(layer: ["mine.tsv": "\(Self.word)\tno_such_signal\t2\t-\n"]) { cache, layer in
            let loaded = try cache.loadDefault(extra: [layer.path])
            #expect(loaded.lexicon == nil)
            #expect(loaded.diagnostics.contains { $0.severity == .error && $0.message.contains("no_such_signal") })
            #expect(Self.cacheFiles(cache).isEmpty)
        }
    }

    @Test func aFolderThatCannotBeWrittenIsANoteNotAFailure() throws {
        try Self.withCache { cache, layer in
            // A regular file where the cache folder's parent should be: nothing can be created under it.
            let blocked = layer.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocked)
            let unwritable = LexiconCache(directory: blocked.appendingPathComponent("koe"), programVersion: "test")
            let loaded = try unwritable.loadDefault()
            #expect(loaded.lexicon != nil && !loaded.fromCache)
            #expect(loaded.notes.count == 1 && loaded.notes[0].contains("cannot write the lexicon cache"), "\(loaded.notes)")
        }
    }

    /// A run killed while writing leaves its temporary file; the next write removes it once
    /// it is an hour old, and leaves a fresh one (another run may be writing it).
    @Test func abandonedTemporaryFilesAreRemovedWhenOld() throws {
        try Self.withCache { cache, _ in
            try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
            let old = cache.directory.appendingPathComponent(".lexicon-0123.bin.77.88.tmp")
            let young = cache.directory.appendingPathComponent(".lexicon-0123.bin.77.99.tmp")
            for file in [old, young] { try Data("half".utf8).write(to: file) }
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old.path)
            _ = try cache.loadDefault()
            #expect(!FileManager.default.fileExists(atPath: old.path))
            #expect(FileManager.default.fileExists(atPath: young.path))
            #expect(Self.cacheFiles(cache).count == 1)
        }
    }

    @Test func anotherProgramVersionDoesNotReadTheCache() throws {
        try Self.withCache { cache, _ in
            _ = try cache.loadDefault()
            let other = try LexiconCache(directory: cache.directory, programVersion: "other").loadDefault()
            #expect(!other.fromCache)
            #expect(other.notes.count == 1 && other.notes[0].contains("another build of koe"), "\(other.notes)")
        }
    }

    /// Every prefix of a stored compile fails to read (with an error, not a trap): the reader
    /// checks every length against what is left.
    @Test func everyTruncatedPayloadThrows() throws {
        var out = CacheWriter()
        MiniLexicon.compiled.write(to: &out)
        let payload = out.bytes
        try payload.withUnsafeBytes { bytes in
            var whole = CacheReader(bytes)
            _ = try CompiledLexicon.read(from: &whole)
            #expect(whole.isAtEnd)
        }
        let step = max(1, payload.count / 500)
        for length in Swift.stride(from: 0, to: payload.count, by: step) {
            payload.withUnsafeBytes { bytes in
                var reader = CacheReader(UnsafeRawBufferPointer(rebasing: bytes[0..<length]))
                #expect(throws: CacheFormatError.self, "prefix \(length) of \(payload.count)") {
                    _ = try CompiledLexicon.read(from: &reader)
                }
            }
        }
    }

    @Test func theDefaultFolderFollowsXDG() {
        #expect(LexiconCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])?.path == "/x/cache/koe")
        #expect(LexiconCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"])?.path == "/home/u/.cache/koe")
        #expect(LexiconCache.defaultDirectory(environment: [:]) == nil)
        #expect(LexiconCache.isDisabled(environment: ["KOE_NO_CACHE": "1"]))
        #expect(!LexiconCache.isDisabled(environment: ["KOE_NO_CACHE": "0"]))
        #expect(!LexiconCache.isDisabled(environment: [:]))
    }
}
