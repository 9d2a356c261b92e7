/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// A walk allocates nothing and costs a few comparisons per character. It is laid out for
/// the cache, since most of a walk's cost is waiting for memory:
/// - a small bit filter (pairs of leading units) rejects most start positions outright;
/// - a hash table jumps straight to the node after the first two units, where a plain trie
///   would visit the root's table, a first-level node and its edges;
/// - deeper nodes are records in one array of units, in depth-first order, each holding its
///   value, its edge labels and where its children are: a step reads one record, and the
///   first child is the next record, so a walk down a chain of nodes reads consecutive
///   memory (a node with one child and no value takes 4 bytes).
public struct UTF16Trie: Sendable {
    /// Pair table slot: the first two units of a key prefix and the record of the node they
    /// lead to.
    private struct PairSlot {
        var units: UInt32 = 0
        var node: Int32 = -1
    }

    /// Values of the one-unit keys, in unit order; `singleRank[w]`: how many one-unit keys
    /// are below unit `64 * w` (so a value is found with the bit set, in a few KB).
    private var singleValues: [Int32] = []
    private var singleRank = [UInt32](repeating: 0, count: 65536 / 64)
    private var pairs: [PairSlot] = []
    private var pairShift: UInt32 = 32
    /// Node records, depth first (`appendRecord`): a header unit (bit 15: has a value; low
    /// bits: the child count c), the value as two units when present, the c edge labels in
    /// ascending order, then for children 1..<c the record offset as two units. Child 0's
    /// record follows this one.
    private var records: [UInt16] = []
    /// One bit per hashed pair of leading units, and per unit that is a whole key.
    private var pairBits = [UInt64](repeating: 0, count: UTF16Trie.filterBits / 64)
    private var singleBits = [UInt64](repeating: 0, count: 65536 / 64)
    private static let filterBits = 1 << 17
    private static let hasValue: UInt16 = 0x8000
    /// Up to this many children are searched one by one, more by bisection.
    private static let linearChildren = 8

    /// ASCII digits are all one unit for matching (text and keys alike), so a key written with
    /// one number matches every number of the same shape: `<num>`, 3日 ≡ 5日.
    @inline(__always)
    static func fold(_ unit: UInt16) -> UInt16 { unit &- 0x31 < 9 ? 0x30 : unit }

    /// `keys[i]` gets value `i`. Empty keys are ignored; for duplicate keys the last wins.
    public init(keys rawKeys: [[UInt16]]) {
        var keys = FlatKeys()
        for key in rawKeys { keys.append(key.lazy.map(UTF16Trie.fold)) }
        // Sorted, each key once (the last index of equal keys).
        var sorted = FlatKeys(), values: [Int32] = []
        for i in keys.sortedOrder().map(Int.init) where keys.length(of: i) > 0 {
            let key = keys.units[Int(keys.offsets[i])..<Int(keys.offsets[i + 1])]
            if let last = values.last, keys.units[Int(keys.offsets[Int(last)])..<Int(keys.offsets[Int(last) + 1])] == key {
                values[values.count - 1] = Int32(i)
            } else {
                sorted.append(key)
                values.append(Int32(i))
            }
        }
        self.init(sorted: sorted, values: values)
    }

    /// `sorted` holds distinct, non-empty keys, folded (`fold`) and in lexicographic order;
    /// key `i` gets `values[i]`. A node is then a range of keys sharing a prefix, and its
    /// children are consecutive sub-ranges: no per-node tables, so a lexicon of a few hundred
    /// thousand keys builds in milliseconds.
    init(sorted keys: FlatKeys, values: [Int32]) {
        // The nodes after two units: the keys that share their first two units, as ranges.
        var subtrees: [(units: UInt32, lo: Int, hi: Int)] = []
        for i in 0..<keys.count {
            if keys.length(of: i) == 1 {
                let u = keys.unit(i, 0)
                singleBits[Int(u) >> 6] |= 1 << (UInt64(u) & 63)
                // Keys in order: one-unit keys come by ascending unit.
                singleValues.append(values[i])
            } else {
                let h = UTF16Trie.filterHash(keys.unit(i, 0), keys.unit(i, 1))
                pairBits[h >> 6] |= 1 << UInt64(h & 63)
                let units = UInt32(keys.unit(i, 0)) << 16 | UInt32(keys.unit(i, 1))
                if let last = subtrees.last, last.units == units {
                    subtrees[subtrees.count - 1].hi = i + 1
                } else {
                    subtrees.append((units, i, i + 1))
                }
            }
        }
        var below: UInt32 = 0
        for w in 0..<singleBits.count {
            singleRank[w] = below
            below += UInt32(singleBits[w].nonzeroBitCount)
        }
        // At most a few units per key unit (a record per distinct prefix).
        records.reserveCapacity(2 * keys.units.count + 16)
        var roots: [(units: UInt32, node: Int32)] = []
        roots.reserveCapacity(subtrees.count)
        for t in subtrees {
            roots.append((t.units, Int32(records.count)))
            appendRecord(keys, values, lo: t.lo, hi: t.hi, depth: 2)
        }
        // The pair table: at most half full, so probes stay short.
        var bits: UInt32 = 4
        while (1 << bits) < 2 * roots.count { bits += 1 }
        pairShift = 32 - bits
        pairs = [PairSlot](repeating: PairSlot(), count: 1 << bits)
        for (units, node) in roots {
            var slot = Int(UTF16Trie.mix(units) >> pairShift)
            while pairs[slot].node >= 0 { slot = (slot + 1) & (pairs.count - 1) }
            pairs[slot] = PairSlot(units: units, node: node)
        }
    }

    /// Appends the record of the node for the keys `lo..<hi`, which share their first `depth`
    /// units, and then its children's subtrees in label order.
    private mutating func appendRecord(_ keys: FlatKeys, _ values: [Int32], lo: Int, hi: Int, depth: Int) {
        var lo = lo
        var value: Int32 = -1
        if keys.length(of: lo) == depth {
            value = values[lo]
            lo += 1
        }
        var children: [(lo: Int, hi: Int)] = []
        var k = lo
        while k < hi {
            let unit = keys.unit(k, depth)
            var next = k + 1
            while next < hi && keys.unit(next, depth) == unit { next += 1 }
            children.append((k, next))
            k = next
        }
        precondition(children.count < Int(UTF16Trie.hasValue), "trie node with too many children")
        records.append(UInt16(children.count) | (value >= 0 ? UTF16Trie.hasValue : 0))
        if value >= 0 {
            records.append(UInt16(truncatingIfNeeded: UInt32(bitPattern: value)))
            records.append(UInt16(truncatingIfNeeded: UInt32(bitPattern: value) >> 16))
        }
        for c in children { records.append(keys.unit(c.lo, depth)) }
        let slots = records.count
        records.append(contentsOf: repeatElement(0, count: 2 * max(0, children.count - 1)))
        for (n, c) in children.enumerated() {
            if n > 0 {
                let at = UInt32(records.count)
                records[slots + 2 * (n - 1)] = UInt16(truncatingIfNeeded: at)
                records[slots + 2 * (n - 1) + 1] = UInt16(truncatingIfNeeded: at >> 16)
            }
            appendRecord(keys, values, lo: c.lo, hi: c.hi, depth: depth + 1)
        }
    }

    public var isEmpty: Bool { records.isEmpty && !singleBits.contains { $0 != 0 } }

    @inline(__always)
    private static func mix(_ x: UInt32) -> UInt32 { x &* 0x9E37_79B1 }

    @inline(__always)
    private static func filterHash(_ a: UInt16, _ b: UInt16) -> Int {
        Int(((UInt32(a) &* 0x9E37_79B1) ^ (UInt32(b) &* 0x85EB_CA6B)) >> 15)
    }

    /// The value of the one-unit key `unit` (which must be one).
    @inline(__always)
    private func singleValue(_ unit: UInt16) -> Int32 {
        let w = Int(unit) >> 6
        return singleValues[Int(singleRank[w]) + (singleBits[w] & ((1 << (UInt64(unit) & 63)) &- 1)).nonzeroBitCount]
    }

    /// Whether `unit` alone is a key.
    @inline(__always)
    private func isSingleKey(_ unit: UInt16) -> Bool { singleBits[Int(unit) >> 6] & (1 << (UInt64(unit) & 63)) != 0 }

    /// Whether a key may start at `text[i]` (false positives possible, no false negatives):
    /// two bit tests in cache-resident tables.
    @inline(__always)
    public func mayMatch(_ text: UnsafeBufferPointer<UInt16>, at i: Int) -> Bool {
        let a = UTF16Trie.fold(text[i])
        if isSingleKey(a) { return true }
        guard i + 1 < text.count else { return false }
        let h = UTF16Trie.filterHash(a, UTF16Trie.fold(text[i + 1]))
        return pairBits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// The node reached from the root by `a` then `b`, or -1.
    @inline(__always)
    private func node(after a: UInt16, _ b: UInt16) -> Int32 {
        let units = UInt32(a) << 16 | UInt32(b)
        var slot = Int(UTF16Trie.mix(units) >> pairShift)
        while true {
            let s = pairs[slot]
            if s.node < 0 || s.units == units { return s.node }
            slot = (slot + 1) & (pairs.count - 1)
        }
    }

    /// Calls `body(end, value)` for every key that starts at `start`, shortest first.
    @inline(__always)
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (Int, Int32) -> Void
    ) {
        guard start < text.count else { return }
        let first = UTF16Trie.fold(text[start])
        if isSingleKey(first) { body(start + 1, singleValue(first)) }
        guard start + 1 < text.count else { return }
        let node = self.node(after: first, UTF16Trie.fold(text[start + 1]))
        guard node >= 0 else { return }
        records.withUnsafeBufferPointer { records in walk(records.baseAddress!, from: Int(node), in: text, at: start + 2, body) }
    }

    /// Calls `body(start, end, value)` for every key at every position of `text`: by start,
    /// then shortest first (`forEachMatch(in:from:)` at each position `mayMatch` lets in, in
    /// one loop: each unit is folded once, and the filters are read through pointers).
    @inline(__always)
    public func forEachMatch(in text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int, Int32) -> Void) {
        let n = text.count
        guard n > 0 else { return }
        singleBits.withUnsafeBufferPointer { singleBits in
            pairBits.withUnsafeBufferPointer { pairBits in
                records.withUnsafeBufferPointer { records in
                    let single = singleBits.baseAddress!, pair = pairBits.baseAddress!, r = records.baseAddress!
                    var next = UTF16Trie.fold(text[0])
                    for start in 0..<n {
                        let first = next
                        if single[Int(first) >> 6] & (1 << (UInt64(first) & 63)) != 0 { body(start, start + 1, singleValue(first)) }
                        guard start + 1 < n else { break }
                        next = UTF16Trie.fold(text[start + 1])
                        // A pair that leads to a node always has its filter bit.
                        let h = UTF16Trie.filterHash(first, next)
                        guard pair[h >> 6] & (1 << UInt64(h & 63)) != 0 else { continue }
                        let node = self.node(after: first, next)
                        guard node >= 0 else { continue }
                        walk(r, from: Int(node), in: text, at: start + 2) { end, value in body(start, end, value) }
                    }
                }
            }
        }
    }

    /// From the record at `o`, reached after the text's units up to `i`: `body(end, value)`
    /// for each key on the way down, shortest first.
    @inline(__always)
    private func walk(
        _ r: UnsafePointer<UInt16>, from o: Int, in text: UnsafeBufferPointer<UInt16>, at i: Int, _ body: (Int, Int32) -> Void
    ) {
        var o = o, i = i
        while true {
            let header = r[o]
            var p = o + 1
            if header & UTF16Trie.hasValue != 0 {
                body(i, Int32(bitPattern: UInt32(r[p]) | UInt32(r[p + 1]) << 16))
                p += 2
            }
            let c = Int(header & ~UTF16Trie.hasValue)
            guard i < text.count, c > 0 else { return }
            let unit = UTF16Trie.fold(text[i])
            var k = -1
            if c <= UTF16Trie.linearChildren {
                for j in 0..<c where r[p + j] == unit {
                    k = j
                    break
                }
            } else {
                var lo = 0, hi = c
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    let u = r[p + mid]
                    if u == unit { k = mid; break }
                    if u < unit { lo = mid + 1 } else { hi = mid }
                }
            }
            guard k >= 0 else { return }
            let slots = p + c
            if k == 0 {
                o = slots + 2 * (c - 1)
            } else {
                let q = slots + 2 * (k - 1)
                o = Int(UInt32(r[q]) | UInt32(r[q + 1]) << 16)
            }
            i += 1
        }
    }
}

extension UTF16Trie {
    /// The trie's tables, for the lexicon cache (`LexiconCache`).
    func write(to out: inout CacheWriter) {
        out.array(singleValues)
        out.array(singleRank)
        out.array(pairs)
        out.int(Int(pairShift))
        out.array(records)
        out.array(pairBits)
        out.array(singleBits)
    }

    /// A trie as `write` stored it; throws when the tables cannot be a trie's.
    init(reading input: inout CacheReader) throws {
        singleValues = try input.array()
        singleRank = try input.array()
        pairs = try input.array()
        let shift = try input.int()
        records = try input.array()
        pairBits = try input.array()
        singleBits = try input.array()
        pairShift = UInt32(truncatingIfNeeded: shift)
        let recordCount = records.count
        guard singleRank.count == 65536 / 64, singleBits.count == 65536 / 64,
            singleValues.count == singleBits.reduce(0, { $0 + $1.nonzeroBitCount }),
            zip(singleRank, singleBits).reduce(into: (true, UInt32(0)), { r, p in
                r.0 = r.0 && p.0 == r.1
                r.1 += UInt32(p.1.nonzeroBitCount)
            }).0, pairBits.count == UTF16Trie.filterBits / 64,
            pairs.count >= 16, pairs.count.nonzeroBitCount == 1, shift == 32 - pairs.count.trailingZeroBitCount,
            pairs.allSatisfy({ $0.node < recordCount })
        else { throw CacheFormatError(description: "bad trie") }
    }
}
