/// Per line, how far each entry written in parts (gapped `A…B`, or joined pieces of a large
/// product) has got: its parts must occur in order, part k starting at or after part k-1.
/// Matches are fed in text order (by start, then shortest first) as the trie finds them. State
/// is stamped with a line number, so nothing is cleared per line, and a match of a common later
/// part (ない, ません) costs only a look at the few entries whose first part did occur.
///
/// The state lives in memory of its own and is read through pointers (the per-match path).
/// One per matcher, on one thread; a copy of the struct shares the memory.
struct PartProgress {
    typealias Info = CompiledLexicon.KeyTable.Info
    typealias KeyRef = CompiledLexicon.KeyRef

    /// Per entry: the line in which its first part was last seen, the line in which all its
    /// parts were seen, and how many parts in order.
    private struct EntryState {
        var stamp: UInt32 = 0
        var done: UInt32 = 0
        var progress: Int16 = 0
    }

    private final class Storage {
        let state: UnsafeMutablePointer<EntryState>
        let active: UnsafeMutablePointer<Int32>
        let viable: UnsafeMutablePointer<Int32>
        init(entries: Int) {
            state = .allocate(capacity: max(1, entries))
            state.initialize(repeating: EntryState(), count: max(1, entries))
            active = .allocate(capacity: max(1, entries))
            viable = .allocate(capacity: max(1, entries))
        }
        deinit {
            state.deallocate()
            active.deallocate()
            viable.deallocate()
        }
    }

    private let storage: Storage
    private let entries: Int
    private let state: UnsafeMutablePointer<EntryState>
    /// This line's entries whose first part occurred, and those whose every part did (each
    /// entry at most once in each: the capacity is the number of entries).
    private let active: UnsafeMutablePointer<Int32>
    private let viable: UnsafeMutablePointer<Int32>
    private var activeCount = 0
    private var viableCount = 0
    private var line: UInt32 = 0

    init(entries: Int) {
        storage = Storage(entries: entries)
        self.entries = entries
        state = storage.state
        active = storage.active
        viable = storage.viable
    }

    var anyActive: Bool { activeCount > 0 }
    var anyViable: Bool { viableCount > 0 }

    mutating func startLine() {
        line &+= 1
        if line == 0 {
            state.update(repeating: EntryState(), count: max(1, entries))
            line = 1
        }
        activeCount = 0
        viableCount = 0
    }

    /// Records a match of the key `k`. Returns whether one of its part refs belongs to an entry
    /// whose first part has occurred by now: a later part seen before the first can never
    /// chain, and the match is not worth keeping for it.
    @inline(__always)
    mutating func advance(_ k: Info, _ refs: UnsafePointer<KeyRef>) -> Bool {
        for i in Int(k.parts)..<Int(k.later) {
            let e = Int(refs[i].entry)
            if state[e].stamp != line {
                state[e].stamp = line
                state[e].progress = 1
                active[activeCount] = Int32(e)
                activeCount += 1
            }
        }
        var keep = k.parts < k.later
        guard k.later < k.end, activeCount > 0 else { return keep }
        if Int(k.end - k.later) <= activeCount {
            for i in Int(k.later)..<Int(k.end) where state[Int(refs[i].entry)].stamp == line {
                keep = true
                step(refs[i])
            }
        } else {
            // Many entries share this later part: visit the active ones (refs are by entry).
            for a in 0..<activeCount {
                let e = active[a]
                var i = Self.first(of: e, in: refs, Int(k.later), Int(k.end))
                while i < Int(k.end) && refs[i].entry == e {
                    keep = true
                    step(refs[i])
                    i += 1
                }
            }
        }
        return keep
    }

    @inline(__always)
    private mutating func step(_ ref: KeyRef) {
        let e = Int(ref.entry)
        guard ref.part == state[e].progress else { return }
        state[e].progress += 1
        if state[e].progress == ref.partCount {
            state[e].done = line
            viable[viableCount] = ref.entry
            viableCount += 1
        }
    }

    /// Calls `body` with each part ref of `k` whose entry had every part occur in this line.
    @inline(__always)
    func forEachViable(_ k: Info, _ refs: UnsafePointer<KeyRef>, _ body: (KeyRef) -> Void) {
        if Int(k.end - k.parts) <= 2 * viableCount {
            for i in Int(k.parts)..<Int(k.end) where state[Int(refs[i].entry)].done == line { body(refs[i]) }
        } else {
            // Few viable entries, many refs: look the entries up (each run is by entry).
            for v in 0..<viableCount {
                Self.forEach(of: viable[v], in: refs, Int(k.parts), Int(k.later), body)
                Self.forEach(of: viable[v], in: refs, Int(k.later), Int(k.end), body)
            }
        }
    }

    @inline(__always)
    private static func forEach(of e: Int32, in refs: UnsafePointer<KeyRef>, _ lo: Int, _ hi: Int, _ body: (KeyRef) -> Void) {
        var i = first(of: e, in: refs, lo, hi)
        while i < hi && refs[i].entry == e {
            body(refs[i])
            i += 1
        }
    }

    /// The first index in `refs[lo..<hi]` (sorted by entry) whose entry is not below `e`.
    @inline(__always)
    private static func first(of e: Int32, in refs: UnsafePointer<KeyRef>, _ lo: Int, _ hi: Int) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if refs[mid].entry < e { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
