import Foundation

/// A one-line progress message on stderr, only when stderr is a terminal (never in pipes,
/// files or CI logs).
final class Progress {
    private let enabled: Bool
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(2) == 1
    }

    func update(_ message: String) {
        guard enabled else { return }
        try? StandardStreams.write("\r\u{1B}[2Kkoe: \(message)…".utf8, to: 2)
        shown = true
    }

    func finish() {
        guard shown else { return }
        try? StandardStreams.write("\r\u{1B}[2K".utf8, to: 2)
    }
}
