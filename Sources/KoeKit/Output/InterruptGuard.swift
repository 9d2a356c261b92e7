#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT / SIGTERM never cut a line of data output in half. Outside a write the signal acts
/// as usual; during one (`ByteWriter`'s write loop) it is held until the block — whole lines
/// — is written, and then delivered.
public enum InterruptGuard {
    /// [0]: a data write is in progress, [1]: a stderr write (another thread may print a
    /// warning meanwhile, and must not clear the data writer's flag); [2]: the signal that
    /// arrived meanwhile. Plain memory: the handler may only touch lock-free words.
    nonisolated(unsafe) private static let state: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 3)
        p.initialize(repeating: 0, count: 3)
        return p
    }()

    /// Installs the handler for SIGINT and SIGTERM, except where the signal was ignored when
    /// the process started (`nohup`, background jobs of a script).
    public static func install() {
        _ = state
        for signal in [SIGINT, SIGTERM] {
            var old = sigaction()
            sigaction(signal, nil, &old)
            if Self.isIgnored(old) { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Runs `body` (one write of whole lines to `fd`) with interrupts held; delivers a held
    /// one after, once no other write is in progress.
    public static func writing<T>(to fd: Int32 = 1, _ body: () throws -> T) rethrows -> T {
        let slot = fd == 2 ? 1 : 0
        state[slot] = 1
        defer {
            state[slot] = 0
            let held = state[2]
            if held != 0 && state[1 - slot] == 0 { deliver(held) }
        }
        return try body()
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        if state[0] != 0 || state[1] != 0 { state[2] = signal } else { deliver(signal) }
    }

    /// The default action, so the parent sees "killed by SIGINT" as usual.
    private static func deliver(_ sig: Int32) {
        signal(sig, SIG_DFL)
        raise(sig)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        #endif
    }
}
