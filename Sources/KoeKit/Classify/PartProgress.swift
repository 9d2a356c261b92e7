/// Per line, how far each entry written in parts (gapped `A…B`, or joined pieces of a large
/// product) has got: its parts must occur in order, part k starting at or after part k-1.
/// Matches are fed in text order (by start, then shortest first) as the trie finds them. Which
/// entries are under way (their first part occurred) and which are complete are two bit sets,
/// small enough to stay in the nearest cache: a match of a common later part (ない, ません)
/// scans its refs in order and tests a bit for each, or, when it has many more refs than there
/// are entries under way, looks those entries up. Only the bits set are cleared per line.
///
/// The state lives in memory of its own and is read through pointers (the per-match path).
/// One per matcher, on one thread; a copy of the struct shares the memory.
struct PartProgress {
    typealias Info = CompiledLexicon.KeyTable.Info
    typealias KeyRef = CompiledLexicon.KeyRef

    private final class Storage {
        let progress: UnsafeMutablePointer<Int16>
        let activeBits: UnsafeMutablePointer<UInt64>
        let doneBits: UnsafeMutablePointer<UInt64>
        let active: UnsafeMutablePointer<Int32>
        let viable: UnsafeMutablePointer<Int32>
        init(entries: Int) {
            progress = .allocate(capacity: max(1, entries))
            progress.initialize(repeating: 0, count: max(1, entries))
            activeBits = .allocate(capacity: PartProgress.words(entries))
            activeBits.initialize(repeating: 0, count: PartProgress.words(entries))
            doneBits = .allocate(capacity: PartProgress.words(entries))
            doneBits.initialize(repeating: 0, count: PartProgress.words(entries))
            active = .allocate(capacity: max(1, entries))
            viable = .allocate(capacity: max(1, entries))
        }
        deinit {
            progress.deallocate()
            activeBits.deallocate()
            doneBits.deallocate()
            active.deallocate()
            viable.deallocate()
        }
    }

    private static func words(_ entries: Int) -> Int { max(1, (entries + 63) / 64) }

    private let storage: Storage
    /// Per entry under way: how many of its parts occurred in order.
    private let progress: UnsafeMutablePointer<Int16>
    /// One bit per entry: under way in this line / every part occurred in this line.
    private let activeBits: UnsafeMutablePointer<UInt64>
    private let doneBits: UnsafeMutablePointer<UInt64>
    /// This line's entries under way, and those complete, in the order they got there (each
    /// entry at most once in each: the capacity is the number of entries).
    private let active: UnsafeMutablePointer<Int32>
    private let viable: UnsafeMutablePointer<Int32>
    private var activeCount = 0
    private var viableCount = 0

    init(entries: Int) {
        storage = Storage(entries: entries)
        progress = storage.progress
        activeBits = storage.activeBits
        doneBits = storage.doneBits
        active = storage.active
        viable = storage.viable
    }

    var anyActive: Bool { activeCount > 0 }
    var anyViable: Bool { viableCount > 0 }

    @inline(__always)
    private func isActive(_ e: Int) -> Bool { activeBits[e >> 6] >> UInt64(e & 63) & 1 != 0 }

    @inline(__always)
    private func isDone(_ e: Int) -> Bool { doneBits[e >> 6] >> UInt64(e & 63) & 1 != 0 }

    mutating func startLine() {
        // Every bit set belongs to an entry in the lists: clearing their words clears them all.
        for a in 0..<activeCount { activeBits[Int(active[a]) >> 6] = 0 }
        for v in 0..<viableCount { doneBits[Int(viable[v]) >> 6] = 0 }
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
            if !isActive(e) {
                activeBits[e >> 6] |= 1 << UInt64(e & 63)
                progress[e] = 1
                active[activeCount] = Int32(e)
                activeCount += 1
            }
        }
        var keep = k.parts < k.later
        guard k.later < k.end, activeCount > 0 else { return keep }
        // A scan reads the refs in order and tests a bit each; a look-up costs a bisection of
        // the refs per entry under way.
        if Int(k.end - k.later) <= PartProgress.scanFactor * activeCount {
            for i in Int(k.later)..<Int(k.end) where isActive(Int(refs[i].entry)) {
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

    /// Refs per entry under way up to which a later part's refs are scanned, not looked up.
    private static let scanFactor = 8

    @inline(__always)
    private mutating func step(_ ref: KeyRef) {
        let e = Int(ref.entry)
        guard ref.part == progress[e] else { return }
        progress[e] += 1
        if progress[e] == ref.partCount {
            doneBits[e >> 6] |= 1 << UInt64(e & 63)
            viable[viableCount] = ref.entry
            viableCount += 1
        }
    }

    /// Calls `body` with each part ref of `k` whose entry had every part occur in this line.
    @inline(__always)
    func forEachViable(_ k: Info, _ refs: UnsafePointer<KeyRef>, _ body: (KeyRef) -> Void) {
        if Int(k.end - k.parts) <= PartProgress.scanFactor * viableCount {
            for i in Int(k.parts)..<Int(k.end) where isDone(Int(refs[i].entry)) { body(refs[i]) }
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
