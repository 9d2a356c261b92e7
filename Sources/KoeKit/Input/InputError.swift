/// Problems with reading input, with the location they refer to.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): error: cannot open: \(reason)"
        case let .readFailed(path, reason): "\(path): error: read failed: \(reason)"
        }
    }
}
