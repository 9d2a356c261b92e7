import Testing
@testable import KoeKit

/// `PartProgress` against a plain model of its contract, over many lines with one tracker (so
/// that nothing of a line survives into the next): random entries of two to four parts, keys
/// that stand for parts of one or of very many entries (so that both the scan of a key's refs
/// and the look-up of the entries under way are taken), fed as random matches.
@Suite struct PartProgressTests {
    typealias KeyRef = CompiledLexicon.KeyRef
    typealias Info = CompiledLexicon.KeyTable.Info

    /// Keys as the key table lays them out: one flat array of refs, per key its first parts
    /// (by entry), then its later parts (by entry, an entry's in part order).
    struct Keys {
        var refs: [KeyRef] = []
        var info: [Info] = []
        let partCounts: [Int16]

        init(entries: Int, keys: Int, rng: inout SeededGenerator) {
            let partCounts = (0..<entries).map { _ in Int16.random(in: 2...4, using: &rng) }
            self.partCounts = partCounts
            for k in 0..<keys {
                // A few keys stand for a part of most entries, some only for later parts (a
                // common ending).
                let share = k % 7 < 2 ? 0.8 : 0.03, firstPart: Int16 = k % 7 == 1 ? 1 : 0
                var pairs: [(entry: Int32, part: Int16)] = []
                for e in 0..<entries {
                    for p in firstPart..<partCounts[e] where Double.random(in: 0..<1, using: &rng) < share { pairs.append((Int32(e), p)) }
                }
                let start = Int32(refs.count)
                for (e, p) in pairs where p == 0 { refs.append(Self.ref(e, p, partCounts[Int(e)])) }
                let later = Int32(refs.count)
                for (e, p) in pairs where p > 0 { refs.append(Self.ref(e, p, partCounts[Int(e)])) }
                info.append(Info(
                    start: start, parts: start, later: later, end: Int32(refs.count), wholeNeedsStart: false,
                    wholeNeedsEnd: false))
            }
        }

        static func ref(_ e: Int32, _ p: Int16, _ count: Int16) -> KeyRef {
            KeyRef(entry: e, needsEndBoundary: false, startsFreely: false, part: p, partCount: count, notAfterVerbStem: false)
        }
    }

    /// The contract: an entry is under way once a ref to its first part is seen; a later part
    /// counts when it is the entry's next; the entry is complete when its last part counts. A
    /// match is worth keeping when its key has a first part, or a later part of an entry under
    /// way.
    struct Model {
        var progress: [Int: Int16] = [:]
        var done: Set<Int> = []

        mutating func advance(_ k: Info, _ refs: [KeyRef]) -> Bool {
            var keep = false
            for ref in refs[Int(k.parts)..<Int(k.later)] {
                keep = true
                if progress[Int(ref.entry)] == nil { progress[Int(ref.entry)] = 1 }
            }
            for ref in refs[Int(k.later)..<Int(k.end)] {
                guard let p = progress[Int(ref.entry)] else { continue }
                keep = true
                if ref.part == p {
                    progress[Int(ref.entry)] = p + 1
                    if p + 1 == ref.partCount { done.insert(Int(ref.entry)) }
                }
            }
            return keep
        }
    }

    @Test(arguments: 1...12)
    func agreesWithTheModelLineAfterLine(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let entries = Int.random(in: 1...200, using: &rng)
        let keys = Keys(entries: entries, keys: Int.random(in: 1...40, using: &rng), rng: &rng)
        var tracker = PartProgress(entries: entries)
        keys.refs.withUnsafeBufferPointer { buffer in
            let refs = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
            for line in 0..<60 {
                tracker.startLine()
                var model = Model()
                for m in 0..<Int.random(in: 0...30, using: &rng) {
                    let k = keys.info[Int.random(in: 0..<keys.info.count, using: &rng)]
                    let want = model.advance(k, keys.refs)
                    #expect(tracker.advance(k, refs) == want, "seed \(seed) line \(line) match \(m)")
                }
                #expect(tracker.anyActive == !model.progress.isEmpty, "seed \(seed) line \(line)")
                #expect(tracker.anyViable == !model.done.isEmpty, "seed \(seed) line \(line)")
                for k in keys.info {
                    var got: [Int32] = []
                    tracker.forEachViable(k, refs) { got.append($0.entry) }
                    let want = keys.refs[Int(k.parts)..<Int(k.end)].filter { model.done.contains(Int($0.entry)) }.map(\.entry)
                    #expect(got.sorted() == want.sorted(), "seed \(seed) line \(line)")
                }
            }
        }
    }
}
