import Foundation

/// Output buffers passed from the workers to the writer and back: each batch renders into
/// memory that is already mapped and grown, instead of fresh pages.
final class BufferRecycler: @unchecked Sendable {
    private var free: [[UInt8]] = []
    private let lock = NSLock()

    /// An empty buffer, with capacity when one has been given back.
    func take() -> [UInt8] {
        var buffer = lock.withLock { free.popLast() } ?? []
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    func give(_ buffer: [UInt8]) {
        lock.withLock { free.append(buffer) }
    }
}
