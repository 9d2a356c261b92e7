import KoeICU

/// A failure reported by ICU through the C facade.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let operation: String

    public var description: String {
        let name = koe_error_name(code).map { String(cString: $0) } ?? "U_ERROR_\(code)"
        return "ICU \(operation) failed: \(name)"
    }

    /// Throws when `status` is an ICU error (warnings, < 0, are not failures).
    static func check(_ status: Int32, _ operation: String) throws {
        if status > 0 { throw ICUError(code: status, operation: operation) }
    }
}
