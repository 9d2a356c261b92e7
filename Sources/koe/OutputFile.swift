#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KoeKit

/// Writes a whole output (`-o FILE`) without ever destroying what the path names.
///
/// - a new path is created (mode 0666 minus the umask);
/// - a regular file we may write, reached directly and with one link, is replaced atomically
///   (a temporary file beside it, same mode, renamed over it), so a reader never sees half a report;
/// - a symlink, a hard-linked file, a FIFO or a character device (`/dev/null`, `/dev/stdout`,
///   `>(cmd)`) is written through: the link and the node stay, the bytes go where they point;
/// - a read-only file, a directory, a socket or a block device is refused.
enum OutputFile {
    enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case system(String, Int32)

        var description: String {
            switch self {
            case let .refused(reason): reason
            case let .system(call, code): "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            guard errno == ENOENT else { throw Failure.system("stat", errno) }
            return try create(bytes, at: path)
        }
        var target = stat()
        guard stat(path, &target) == 0 else { throw Failure.system("stat", errno) }
        switch target.st_mode & S_IFMT {
        case S_IFREG:
            if target.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
                throw Failure.refused("read-only file; not replaced")
            }
            let direct = link.st_mode & S_IFMT == S_IFREG && link.st_nlink == 1
            if direct, try replace(bytes, at: path, like: target) { return }
            try writeThrough(bytes, to: path, truncate: true)
        case S_IFIFO, S_IFCHR:
            try writeThrough(bytes, to: path, truncate: false)
        case S_IFDIR:
            throw Failure.refused("is a directory")
        default:
            throw Failure.refused("not a regular file, FIFO or character device; not written")
        }
    }

    /// A new file; removed again when it cannot be written whole.
    private static func create(_ bytes: [UInt8], at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Failure.system("open", errno) }
        var fdOpen = true
        do {
            try StandardStreams.write(bytes, to: fd)
            fdOpen = false
            guard close(fd) == 0 else { throw Failure.system("close", errno) }
        } catch {
            if fdOpen { close(fd) }
            unlink(path)
            throw error
        }
    }

    /// Atomic replacement; false when no temporary file can be made beside the target (a
    /// folder we may not write), so the caller writes through instead.
    private static func replace(_ bytes: [UInt8], at path: String, like old: stat) throws -> Bool {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(dir).\(name).koe-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var fdOpen = true
        do {
            _ = fchown(fd, old.st_uid, old.st_gid)  // keeps the group when allowed; harmless otherwise
            guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw Failure.system("chmod", errno) }
            try StandardStreams.write(bytes, to: fd)
            guard fsync(fd) == 0 else { throw Failure.system("fsync", errno) }
            fdOpen = false
            guard close(fd) == 0 else { throw Failure.system("close", errno) }
            guard rename(temporary, path) == 0 else { throw Failure.system("rename", errno) }
            return true
        } catch {
            if fdOpen { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeThrough(_ bytes: [UInt8], to path: String, truncate: Bool) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
        guard fd >= 0 else { throw Failure.system("open", errno) }
        do {
            try StandardStreams.write(bytes, to: fd)
        } catch {
            close(fd)
            throw error
        }
        // NFS and some file systems report a failed write only here.
        guard close(fd) == 0 else { throw Failure.system("close", errno) }
    }
}
