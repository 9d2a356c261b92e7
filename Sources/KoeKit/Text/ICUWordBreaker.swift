import KoeICU

/// ICU's dictionary-based word break iterator for Japanese. Not thread-safe: make one per
/// thread (`copy()` clones the compiled rules cheaply).
public final class ICUWordBreaker {
    private let handle: OpaquePointer

    public init(locale: String = "ja") throws {
        var status: Int32 = 0
        guard let handle = koe_breaker_open(locale, &status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "ubrk_open")
        }
        try ICUError.check(status, "ubrk_open")
        self.handle = handle
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    public func copy() throws -> ICUWordBreaker {
        var status: Int32 = 0
        guard let clone = koe_breaker_clone(handle, &status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "ubrk_clone")
        }
        return ICUWordBreaker(handle: clone)
    }

    deinit { koe_breaker_close(handle) }

    /// Segments `text` into `ends`/`statuses`, which must hold at least `text.count` elements.
    /// Returns the number of segments.
    func segment(
        _ text: UnsafeBufferPointer<UInt16>,
        ends: UnsafeMutableBufferPointer<Int32>,
        statuses: UnsafeMutableBufferPointer<Int32>
    ) throws -> Int {
        var status: Int32 = 0
        let n = koe_breaker_segment(
            handle, text.baseAddress, Int32(text.count), ends.baseAddress, statuses.baseAddress,
            Int32(ends.count), &status)
        try ICUError.check(status, "ubrk_setText")
        return Int(n)
    }
}
