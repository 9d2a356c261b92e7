/// A reusable, growable buffer of trivial values for the per-line hot path: it is resized
/// rarely and never copied, so the loop over lines allocates nothing once warmed up.
///
/// Its properties are read on every token and evidence; they skip the runtime exclusivity
/// check, which is safe because each buffer belongs to one analyzer on one thread.
final class ScratchBuffer<Element> {
    @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var capacity: Int
    @exclusivity(unchecked) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        pointer = .allocate(capacity: self.capacity)
    }

    deinit { pointer.deallocate() }

    /// Makes room for `needed` elements; the contents are not preserved.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        pointer.deallocate()
        capacity = max(needed, capacity * 2)
        pointer = .allocate(capacity: capacity)
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: pointer, count: count) }
    var mutableBuffer: UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: pointer, count: capacity)
    }

    subscript(i: Int) -> Element {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
}
