import Foundation

/// One cache file: a header (magic, format version, key — what it was built by, what from —,
/// payload length, payload checksum)
/// and the payload. Read whole into memory (not mapped: a file truncated under a mapping
/// would crash the reader); written to a temporary file beside it and renamed into place.
enum CacheFile {
    enum ReadResult {
        /// The file; its payload starts at `payloadOffset`.
        case hit(Data)
        /// No file (the first run).
        case absent
        /// A whole file written by another build of koe or another ICU (`key.a`).
        case otherBuild
        /// A whole file written for other lexicon files (`key.b`): they changed.
        case stale
        case damaged(String)
    }

    private static let headerWords = 7
    static let payloadOffset = headerWords * 8

    static func read(_ url: URL, key: ContentHash) -> ReadResult {
        guard FileManager.default.fileExists(atPath: url.path) else { return .absent }
        guard let data = try? Data(contentsOf: url) else { return .damaged("cannot read it") }
        let header = headerWords * 8
        guard data.count >= header else { return .damaged("truncated") }
        let words = data.prefix(header).withUnsafeBytes { raw in
            (0..<headerWords).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        guard Array(data.prefix(8)) == LexiconCache.magic else { return .damaged("not a koe lexicon cache") }
        guard words[1] == UInt64(LexiconCache.formatVersion) else { return .damaged("format \(words[1]), expected \(LexiconCache.formatVersion)") }
        guard words[4] == UInt64(data.count - header) else { return .damaged("truncated") }
        guard words[2] == key.a else { return .otherBuild }
        guard words[3] == key.b else { return .stale }
        var sum = ContentHash()
        data.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[header...])) }
        let digest = sum.digest
        guard words[5] == digest.a && words[6] == digest.b else { return .damaged("checksum mismatch") }
        return .hit(data)
    }

    /// Writes `payload` for `key` at `url` (creating its folder), atomically: to a temporary
    /// file of this process beside it, renamed into place.
    static func write(_ payload: [UInt8], key: ContentHash, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try makeFolders(folder.path)
        var sum = ContentHash()
        payload.withUnsafeBytes { sum.add($0) }
        let digest = sum.digest
        var header = LexiconCache.magic
        for word in [UInt64(LexiconCache.formatVersion), key.a, key.b, UInt64(payload.count), digest.a, digest.b] {
            withUnsafeBytes(of: word.littleEndian) { header.append(contentsOf: $0) }
        }
        removeAbandoned(in: folder)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try writeNew(temporary.path, header, payload)
            guard rename(temporary.path, url.path) == 0 else { throw CacheWriteError(errno: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Temporary files a run left behind when it was killed while writing: any older than an
    /// hour (a younger one may be another run's, being written).
    static func removeAbandoned(in folder: URL, now: Date = Date()) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".lexicon-") && name.hasSuffix(".tmp") {
            let path = folder.appendingPathComponent(name).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > 3600
            else { continue }
            unlink(path)
        }
    }

    /// `mkdir -p`, failing with the system's reason (`Not a directory`, `Permission denied`).
    private static func makeFolders(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw CacheWriteError(errno: errno) }
    }

    /// Creates `path` (it must not exist) holding `parts` one after the other.
    private static func writeNew(_ path: String, _ parts: [UInt8]...) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw CacheWriteError(errno: errno) }
        defer { close(fd) }
        for part in parts {
            try part.withUnsafeBytes { bytes in
                var done = 0
                while done < bytes.count {
                    let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw CacheWriteError(errno: n < 0 ? errno : ENOSPC) }
                    done += n
                }
            }
        }
    }
}

/// A system call failed while writing a cache file.
struct CacheWriteError: Error, CustomStringConvertible {
    let errno: Int32
    var description: String { String(cString: strerror(errno)) }
}
