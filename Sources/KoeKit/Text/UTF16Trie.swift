/// An immutable trie over UTF-16 keys, built once and walked from any position of a text.
/// A walk allocates nothing and costs a few comparisons per character. It is laid out for
/// the cache, since most of a walk's cost is waiting for memory:
/// - a small bit filter (pairs of leading units) rejects most start positions outright;
/// - a hash table jumps straight to the node after the first two units, where a plain trie
///   would visit the root's table, a first-level node and its edges; its slot also holds the
///   value of the two-unit key and a small filter of the node's child labels, so that a walk
///   that ends after two units (about half of them) never reads the node's record;
/// - the nodes after two units are records side by side (the ones a text uses stay in cache
///   together); deeper nodes are records in one array of units, in depth-first order, each
///   holding its value, its edge labels and where its children are: a step reads one record,
///   and the first child is the next record, so a walk down a chain of nodes reads
///   consecutive memory (a node with one child and no value takes 4 bytes).
public struct UTF16Trie: Sendable {
    /// Pair table slot: the first two units of a key prefix, the record of the node they
    /// lead to, the value of the two-unit key (-1: none; the record holds none) and one bit
    /// per child label (`labelBit`; 0: no children).
    struct PairSlot {
        var units: UInt32 = 0
        var node: Int32 = -1
        var value: Int32 = -1
        var labels: UInt32 = 0
    }

    /// Values of the one-unit keys, in unit order; `singleRank[w]`: how many one-unit keys
    /// are below unit `64 * w` (so a value is found with the bit set, in a few KB).
    private var singleValues: [Int32] = []
    private var singleRank = [UInt32](repeating: 0, count: 65536 / 64)
    private var pairs: [PairSlot] = []
    private var pairShift: UInt32 = 32
    private var pairCount: Int { pairs.count }
    /// Node records. First those of the nodes after two units (the pair slots point at them),
    /// one after the other: the child count c, the c edge labels in ascending order, and the
    /// record offset of each child as two units. Then the deeper nodes, depth first
    /// (`appendRecord`): a header unit (bit 15: has a value; low bits: the child count c), the
    /// value as two units when present, the c edge labels in ascending order, then for
    /// children 1..<c the record offset as two units. Child 0's record follows this one.
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
        var roots: [PairSlot] = []
        roots.reserveCapacity(subtrees.count)
        // The nodes after two units first, side by side (every walk that goes past two units
        // reads one, so the ones a text uses stay in cache together), each with the offsets of
        // all its children; then the deeper subtrees.
        var pending: [(slots: Int, children: [(lo: Int, hi: Int)])] = []
        pending.reserveCapacity(subtrees.count)
        for t in subtrees {
            // The two-unit key sorts first in its range; its value goes in the slot.
            let value = keys.length(of: t.lo) == 2 ? values[t.lo] : -1
            let children = UTF16Trie.children(keys, lo: value >= 0 ? t.lo + 1 : t.lo, hi: t.hi, depth: 2)
            var labels: UInt32 = 0
            for c in children { labels |= UTF16Trie.labelBit(keys.unit(c.lo, 2)) }
            roots.append(PairSlot(units: t.units, node: Int32(records.count), value: value, labels: labels))
            precondition(children.count < Int(UTF16Trie.hasValue), "trie node with too many children")
            records.append(UInt16(children.count))
            for c in children { records.append(keys.unit(c.lo, 2)) }
            pending.append((records.count, children))
            records.append(contentsOf: repeatElement(0, count: 2 * children.count))
        }
        for (slots, children) in pending {
            for (n, c) in children.enumerated() {
                let at = UInt32(records.count)
                records[slots + 2 * n] = UInt16(truncatingIfNeeded: at)
                records[slots + 2 * n + 1] = UInt16(truncatingIfNeeded: at >> 16)
                appendRecord(keys, values, lo: c.lo, hi: c.hi, depth: 3)
            }
        }
        // The pair table: at most half full, so probes stay short.
        var bits: UInt32 = 4
        while (1 << bits) < 2 * roots.count { bits += 1 }
        pairShift = 32 - bits
        pairs = [PairSlot](repeating: PairSlot(), count: 1 << bits)
        for root in roots {
            var slot = Int(UTF16Trie.mix(root.units) >> pairShift)
            while pairs[slot].node >= 0 { slot = (slot + 1) & (pairs.count - 1) }
            pairs[slot] = root
        }
    }

    /// The keys `lo..<hi` (sharing their first `depth` units, none of them that long) by
    /// their unit at `depth`: consecutive ranges.
    private static func children(_ keys: FlatKeys, lo: Int, hi: Int, depth: Int) -> [(lo: Int, hi: Int)] {
        var children: [(lo: Int, hi: Int)] = []
        var k = lo
        while k < hi {
            let unit = keys.unit(k, depth)
            var next = k + 1
            while next < hi && keys.unit(next, depth) == unit { next += 1 }
            children.append((k, next))
            k = next
        }
        return children
    }

    /// Appends the record of the node for the keys `lo..<hi`, which share their first `depth`
    /// (3 or more) units, and then its children's subtrees in label order.
    private mutating func appendRecord(_ keys: FlatKeys, _ values: [Int32], lo: Int, hi: Int, depth: Int) {
        var lo = lo
        var value: Int32 = -1
        if keys.length(of: lo) == depth {
            value = values[lo]
            lo += 1
        }
        let children = UTF16Trie.children(keys, lo: lo, hi: hi, depth: depth)
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

    /// The bit of a child label in a pair slot's filter.
    @inline(__always)
    static func labelBit(_ unit: UInt16) -> UInt32 { 1 << ((UInt32(unit) &* 0x9E37_79B1) >> 27) }

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

    /// The slot of the node reached from the root by `a` then `b` (node -1: none).
    @inline(__always)
    private func slot(after a: UInt16, _ b: UInt16, in pairs: UnsafePointer<PairSlot>) -> PairSlot {
        let units = UInt32(a) << 16 | UInt32(b)
        let mask = pairCount - 1
        var slot = Int(UTF16Trie.mix(units) >> pairShift)
        while true {
            let s = pairs[slot]
            if s.node < 0 || s.units == units { return s }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `unit` among the `c` ascending edge labels at `labels`, or -1.
    @inline(__always)
    private static func child(_ labels: UnsafePointer<UInt16>, count c: Int, _ unit: UInt16) -> Int {
        if c <= UTF16Trie.linearChildren {
            for j in 0..<c where labels[j] == unit { return j }
            return -1
        }
        var lo = 0, hi = c
        while lo < hi {
            let mid = (lo + hi) >> 1
            let u = labels[mid]
            if u == unit { return mid }
            if u < unit { lo = mid + 1 } else { hi = mid }
        }
        return -1
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
        let root = pairs.withUnsafeBufferPointer { slot(after: first, UTF16Trie.fold(text[start + 1]), in: $0.baseAddress!) }
        guard root.node >= 0 else { return }
        var i = start + 2
        if root.value >= 0 { body(i, root.value) }
        guard i < text.count, root.labels & UTF16Trie.labelBit(UTF16Trie.fold(text[i])) != 0 else { return }
        records.withUnsafeBufferPointer { records in
            let r = records.baseAddress!
            // The node after two units: no value (it is in the slot), every child's offset.
            let c0 = Int(r[Int(root.node)]), p0 = Int(root.node) + 1
            let k0 = UTF16Trie.child(r + p0, count: c0, UTF16Trie.fold(text[i]))
            guard k0 >= 0 else { return }
            let q0 = p0 + c0 + 2 * k0
            var o = Int(UInt32(r[q0]) | UInt32(r[q0 + 1]) << 16)
            i += 1
            while true {
                let header = r[o]
                var p = o + 1
                if header & UTF16Trie.hasValue != 0 {
                    body(i, Int32(bitPattern: UInt32(r[p]) | UInt32(r[p + 1]) << 16))
                    p += 2
                }
                let c = Int(header & ~UTF16Trie.hasValue)
                guard i < text.count, c > 0 else { return }
                let k = UTF16Trie.child(r + p, count: c, UTF16Trie.fold(text[i]))
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
