#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where raw input bytes come from: a file, standard input, or (for tests) memory.
final class ByteSource {
    /// The name used in messages: the path as given, or `<stdin>`.
    let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let memory: [UInt8]?
    private var memoryOffset = 0
    /// The most bytes one `read` returns; tests make it tiny to exercise buffer boundaries.
    private let maxRead: Int

    /// Opens `path`; nil or `-` means standard input. Throws `InputError.cannotOpen`.
    init(path: String?) throws {
        maxRead = Int.max
        memory = nil
        guard let path, path != "-" else {
            fd = 0
            name = "<stdin>"
            ownsDescriptor = false
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError.cannotOpen(path: path, reason: "is a directory")
        }
        self.fd = fd
        name = path
        ownsDescriptor = true
    }

    /// Serves `bytes` from memory, at most `maxRead` bytes per read.
    init(bytes: [UInt8], name: String, maxRead: Int = Int.max) {
        memory = bytes
        self.name = name
        self.maxRead = max(1, maxRead)
        fd = -1
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// True when reading from a terminal: someone is typing, so reads return a line at a time
    /// and nothing should wait for more.
    /// Also set for `--unbuffered`, when a program feeds records one at a time through a pipe.
    lazy var isInteractive: Bool = memory == nil && isatty(fd) == 1

    /// Up to `count` bytes at `offset` without moving the read position, for a regular file
    /// only (nil for pipes, terminals and memory): lets encoding detection look past the
    /// sample without holding the input.
    func peek(at offset: Int, count: Int) -> [UInt8]? {
        guard memory == nil else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, offset < Int(info.st_size) else { return nil }
        var bytes = [UInt8](repeating: 0, count: min(count, Int(info.st_size) - offset))
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        guard n > 0 else { return nil }
        bytes.removeLast(bytes.count - n)
        return bytes
    }

    /// Bytes read so far (before decoding), for progress on a terminal.
    private(set) var bytesRead = 0

    /// The size of a regular file, nil for pipes, terminals and memory.
    lazy var size: Int? = {
        guard memory == nil else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }()

    /// Reads up to `count` bytes into `destination`; returns 0 only at the end of input.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let wanted = min(count, maxRead)
        if let memory {
            let n = min(wanted, memory.count - memoryOffset)
            memory.withUnsafeBufferPointer { all in
                if n > 0, let base = all.baseAddress {
                    destination.update(from: base + memoryOffset, count: n)
                }
            }
            memoryOffset += n
            bytesRead += n
            return n
        }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, destination, wanted)
            #else
            let n = Darwin.read(fd, destination, wanted)
            #endif
            if n >= 0 {
                bytesRead += n
                return n
            }
            if errno == EINTR { continue }
            throw InputError.readFailed(path: name, reason: String(cString: strerror(errno)))
        }
    }
}
