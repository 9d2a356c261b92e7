import Foundation
import Testing
import KoeKit
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct ZZTmpBenchTests {
    @Test(arguments: [("/tmp/big.jsonl", InputFormat.jsonl)])
    func bench(path: String, format: InputFormat) throws {
        guard ProcessInfo.processInfo.environment["KOE_BENCH"] == "1" else { return }
        let t0 = Date()
        let reader = try RecordReader(path: path, format: format)
        var n = 0, chars = 0, errors = 0
        while let r = try reader.next() { n += 1; chars += r.text.utf8.count; if r.error != nil { errors += 1 }; _ = reader.takeDiagnostics() }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("BENCH \(path) \(format) records=\(n) bytes=\(chars) errors=\(errors) enc=\(reader.encoding) \(String(format: "%.2f", Date().timeIntervalSince(t0)))s maxrss=\(usage.ru_maxrss / 1024)MB")
    }
}
