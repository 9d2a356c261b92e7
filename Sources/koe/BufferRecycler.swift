import Foundation
import KoeKit

/// Output buffers passed from the workers to the writer and back: each batch renders into
/// memory that is already mapped and grown, instead of fresh pages.
final class BufferRecycler: @unchecked Sendable {
    private var free: [ByteBuffer] = []
    private let lock = NSLock()

    /// An empty buffer, with capacity when one has been given back.
    func take() -> ByteBuffer {
        let buffer = lock.withLock { free.popLast() } ?? ByteBuffer(capacity: 1 << 16)
        buffer.removeAll()
        return buffer
    }

    func give(_ buffer: ByteBuffer) {
        lock.withLock { free.append(buffer) }
    }
}
