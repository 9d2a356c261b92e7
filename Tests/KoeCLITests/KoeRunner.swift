import Foundation

/// Runs the built `koe` binary with fixture stdin, capturing stdout, stderr and the exit code.
enum KoeRunner {
    struct Result {
        let stdout: Data
        let stderr: String
        let status: Int32
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [Substring] { out.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
    }

    static var binary: URL {
        // The test runner sits in the same build products folder as `koe`.
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("koe")
    }

    /// The environment every run gets: this process's, with the lexicon cache in a folder of
    /// this test run (removed at exit), so tests neither read nor fill the user's
    /// `~/.cache/koe`, and the runs after the first read the cache the first one wrote.
    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = cacheHome
        env.removeValue(forKey: "KOE_NO_CACHE")
        atexit { try? FileManager.default.removeItem(atPath: KoeRunner.cacheHome) }
        return env
    }()

    static let cacheHome = FileManager.default.temporaryDirectory
        .appendingPathComponent("koe-test-cache-\(getpid())").path

    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        if let directory { process.currentDirectoryURL = directory }
        process.executableURL = binary
        process.arguments = arguments
        var env = Self.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // stdin and stderr go through temporary files so large inputs cannot deadlock the pipes.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("stdin"), errURL = dir.appendingPathComponent("stderr")
        try stdin.write(to: inURL)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(stdout: outData, stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }
}

extension KoeRunner {
    /// Runs `script` with `/bin/sh -c` in a fresh temporary folder (passed to `body` before
    /// and after), `$K` naming the built binary: for redirections a `Process` cannot express
    /// (`> /dev/full`, `2>&-`, FIFOs).
    static func shell(_ script: String, setUp: (URL) throws -> Void = { _ in }, check: (URL, Result) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("koe-sh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try setUp(dir)
        let process = Process()
        process.currentDirectoryURL = dir
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = environment
        env["K"] = binary.path
        process.environment = env
        let outURL = dir.appendingPathComponent(".stdout"), errURL = dir.appendingPathComponent(".stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let result = Result(
            stdout: (try? Data(contentsOf: outURL)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
            status: process.terminationStatus)
        try check(dir, result)
    }
}
