#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// A sentence typed into `koe classify` is answered at once (issue 14), while a pipe keeps
/// its batches.
@Suite struct LineBufferingCLITests {
    /// Reads `fd` until `needle` shows up or `seconds` pass.
    static func wait(for needle: String, on fd: Int32, seconds: Double) -> String {
        var seen = Data()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains(needle) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: seen, as: UTF8.self)
    }

    /// A pseudo-terminal pair through /dev/ptmx (Glibc does not import posix_openpt): the
    /// Linux ioctls TIOCSPTLCK (unlock) and TIOCGPTN (number), the same on x86_64 and arm64.
    static func openPTY() -> (master: Int32, slave: Int32)? {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else { close(master); return nil }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { close(master); return nil }
        return (master, slave)
    }

    @Test func aTerminalGetsEachAnswerBeforeTheNextLine() throws {
        let (master, slave) = try #require(Self.openPTY())
        let process = Process()
        process.executableURL = KoeRunner.binary
        process.environment = KoeRunner.environment
        process.arguments = ["classify", "--no-text", "-q"]
        process.standardInput = FileHandle(fileDescriptor: slave)
        process.standardOutput = FileHandle(fileDescriptor: slave)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { close(master) }
        _ = "ログインできません\n".withCString { write(master, $0, strlen($0)) }
        let seen = Self.wait(for: "\"stance\"", on: master, seconds: 60)
        #expect(seen.contains("\"stance\":\"dissatisfaction\""), "no answer before end of input: \(seen)")
        _ = write(master, [0x04], 1)  // Ctrl-D
        close(slave)
        process.waitUntilExit()
    }

    /// `--unbuffered` does the same through a pipe; without it the first answer waits.
    @Test(arguments: [("--unbuffered", 1), ("", 0)])
    func unbufferedThroughAFIFO(flag: String, linesBeforeEOF: Int) throws {
        let script = """
            mkfifo in
            "$K" classify \(flag) --no-text -q < in > out &
            pid=$!
            exec 3> in
            printf 'ログインできません\\n' >&3
            i=0; while [ $i -lt \(flag.isEmpty ? 20 : 300) ] && [ ! -s out ]; do sleep 0.1; i=$((i+1)); done
            wc -l < out > before
            printf '助かりました\\n' >&3
            exec 3>&-
            wait $pid
            """
        try KoeRunner.shell(script) { dir, r in
            #expect(r.status == 0, "\(r.stderr)")
            let before = try String(contentsOf: dir.appendingPathComponent("before"), encoding: .utf8)
            #expect(Int(before.trimmingCharacters(in: .whitespacesAndNewlines)) == linesBeforeEOF)
            let after = try String(contentsOf: dir.appendingPathComponent("out"), encoding: .utf8)
            #expect(after.split(separator: "\n").count == 2)
        }
    }
}
