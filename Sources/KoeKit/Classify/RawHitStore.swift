/// A trie match before ICU's boundaries are checked: the key stands for one or more entries.
struct RawHit {
    var start: Int32
    var end: Int32
    var key: Int32

    init(start: Int, end: Int, key: Int32) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.key = key
    }
}

/// The raw hits of one line, written through a pointer: the walk stores tens of them per
/// line, and an array append per hit (uniqueness and capacity checks, a call) cost more
/// than the store. One per matcher, on one thread.
final class RawHitStore {
    private(set) var pointer: UnsafeMutablePointer<RawHit>
    private(set) var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// `hits` (`room` of them, allocated) moved to twice the room, keeping the first `count`;
    /// `hits` is deallocated. The store must `adopt` the result.
    static func grown(_ hits: UnsafeMutablePointer<RawHit>, room: Int, keeping count: Int) -> (UnsafeMutablePointer<RawHit>, Int) {
        let bigger = UnsafeMutablePointer<RawHit>.allocate(capacity: 2 * room)
        bigger.update(from: hits, count: count)
        hits.deallocate()
        return (bigger, 2 * room)
    }

    /// Takes over the memory `grown` returned (or its own, unchanged).
    func adopt(_ hits: UnsafeMutablePointer<RawHit>, capacity: Int) {
        pointer = hits
        self.capacity = capacity
    }
}
