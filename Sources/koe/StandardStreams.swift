#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import KoeKit

/// The process's standard streams, written without Foundation's `FileHandle.write(_:)`
/// (which traps on a failed write): a full disk or a closed descriptor is an I/O error (exit
/// 74), never a crash.
enum StandardStreams {
    /// A closed 0, 1 or 2 would be handed to the next file opened — `-o report.md 2>&-`
    /// would then write warnings into the report. Point closed ones at /dev/null first.
    static func ensureOpen() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd { _ = dup2(opened, fd); _ = close(opened) }
        }
    }

    /// Writes all of `bytes` to `fd`; throws `OutputError` on failure.
    static func write(_ bytes: some Collection<UInt8>, to fd: Int32) throws {
        let array = Array(bytes)
        try InterruptGuard.writing(to: fd) { try array.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #else
                let n = Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.writeFailed(reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        } }
    }

    /// Data output on stdout; a failure is reported once and becomes exit 74.
    static func writeStdout(_ text: String) throws {
        do { try write(text.utf8, to: 1) } catch { throw failure(error, target: "stdout") }
    }

    /// Flushes what `print` buffered in C stdio (the only buffered stream; `stdout` itself is
    /// not reachable from Swift 6 code); exit 74 when it could not be written.
    static func finishStdout() throws {
        if fflush(nil) != 0 {
            throw failure(OutputError.writeFailed(reason: String(cString: strerror(errno))), target: "stdout")
        }
    }

    /// Prints `koe: TARGET: error: cannot write: REASON` and returns the I/O exit status.
    static func failure(_ error: Error, target: String) -> ExitCode {
        let reason = (error as? OutputError).map { error -> String in
            switch error { case let .writeFailed(reason): reason }
        } ?? "\(error)"
        Stderr.print("koe: \(target): error: cannot write: \(reason)")
        return ExitStatus.ioError
    }
}
