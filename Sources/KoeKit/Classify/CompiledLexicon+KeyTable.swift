import Dispatch

extension CompiledLexicon {
    /// Unique keys with the entries each one stands for. Startup builds one for a few hundred
    /// thousand (key, entry) pairs, so everything is flat: the keys in one buffer, found through
    /// an open-addressing table of FNV-1a hashes, and the pairs in one array, grouped by key
    /// when frozen.
    struct KeyTable {
        private var keys = FlatKeys()
        private var hashes: [UInt64] = []
        /// Key index + 1 per slot (0: empty); a power of two, at most half full.
        private var slots = [Int32](repeating: 0, count: 1 << 12)
        private var pairs: [(key: Int32, ref: KeyRef)] = []

        /// The keys of a run of entries, folded and hashed, with their refs: entry by entry,
        /// an entry's parts in order.
        struct Batch: Sendable {
            var keys = FlatKeys()
            var hashes: [UInt64] = []
            var refs: [KeyRef] = []
        }

        /// Every entry's keys, made on all cores (conjugating and folding them is most of the
        /// table's cost); the batches in entry order.
        static func batches(of entries: [LexiconEntry]) -> [Batch] {
            let chunks = min(entries.count, 8)
            let results = UnsafeMutablePointer<Batch>.allocate(capacity: chunks)
            defer { results.deallocate() }
            nonisolated(unsafe) let out = results
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                (out + c).initialize(to: batch(entries, (c * entries.count / chunks)..<((c + 1) * entries.count / chunks)))
            }
            let batches = Array(UnsafeBufferPointer(start: results, count: chunks))
            results.deinitialize(count: chunks)
            return batches
        }

        private static func batch(_ entries: [LexiconEntry], _ range: Range<Int>) -> Batch {
            var batch = Batch()
            var units: [UInt16] = []
            for i in range {
                let entry = entries[i], target = entry.targets[0]
                let last = entry.segments.count - 1
                for k in entry.segments.indices {
                    for key in entry.keys(ofSegment: k) {
                        // Grammatical rule words are fragments of ICU tokens at both ends.
                        // A part joined to the one before it (gap 0) continues that text: no boundary.
                        let joined = k > 0 && entry.gaps[k - 1] == 0
                        let startsFreely = joined || (k == 0 && CompiledLexicon.startsFreely(target) && key.count >= 2)
                        let kanaVerb = (entry.inflection == .v1 || entry.inflection == .v5) && k == 0
                            && key.unicodeScalars.first.map { $0.value >= 0x3041 && $0.value <= 0x3096 } == true
                        batch.refs.append(KeyRef(
                            entry: Int32(i), needsEndBoundary: k == last && entry.inflection.needsEndBoundary && !startsFreely,
                            startsFreely: startsFreely, part: last == 0 ? -1 : Int16(k), partCount: Int16(last + 1),
                            notAfterVerbStem: kanaVerb))
                        // Folded like the trie's keys, so that 3日 and 5日 share one key and all its refs.
                        units.removeAll(keepingCapacity: true)
                        var h: UInt64 = 0xcbf2_9ce4_8422_2325
                        Self.forEachUTF16Unit(of: key) { u in
                            let f = UTF16Trie.fold(u)
                            units.append(f)
                            h = (h ^ UInt64(f)) &* 0x100_0000_01b3
                        }
                        batch.keys.append(units)
                        batch.hashes.append(h)
                    }
                }
            }
            return batch
        }

        /// `body` for each UTF-16 unit of `text`, decoded from its UTF-8 (a String's `utf16`
        /// view transcodes unit by unit, and this runs for every key of the lexicon).
        @inline(__always)
        static func forEachUTF16Unit(of text: String, _ body: (UInt16) -> Void) {
            var text = text
            text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    let b0 = UInt32(bytes[i])
                    let scalar: UInt32
                    // A String's UTF-8 is always well formed.
                    if b0 < 0x80 {
                        scalar = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        scalar = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        scalar = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        scalar = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    if scalar >= 0x10000 {
                        body(UInt16(0xD800 + ((scalar - 0x10000) >> 10)))
                        body(UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF)))
                    } else {
                        body(UInt16(scalar))
                    }
                }
            }
        }

        mutating func add(_ batches: [Batch]) {
            for batch in batches {
                for j in 0..<batch.refs.count { pairs.append((index(of: j, in: batch), batch.refs[j])) }
            }
        }

        /// The index of key `j` of `batch`, added if new.
        private mutating func index(of j: Int, in batch: Batch) -> Int32 {
            let h = batch.hashes[j]
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 {
                let k = Int(slots[slot] - 1)
                if hashes[k] == h && keys.equals(k, batch.keys, j) { return Int32(k) }
                slot = (slot + 1) & mask
            }
            let k = Int32(keys.count)
            keys.append(batch.keys.units[Int(batch.keys.offsets[j])..<Int(batch.keys.offsets[j + 1])])
            hashes.append(h)
            slots[slot] = k + 1
            if 2 * keys.count > slots.count { grow() }
            return k
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (k, h) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k + 1)
            }
        }

        /// What the matcher needs of one key before reading its refs. The refs of a key are
        /// `refs[start..<end]` in one flat array (so the matcher never retains an inner array
        /// per match), in three runs: whole entries (`start..<parts`), first parts of gapped or
        /// joined entries (`parts..<later`), later parts (`later..<end`). Each run is in entry
        /// order, and an entry's later parts in part order.
        struct Info: Sendable {
            let start: Int32
            let parts: Int32
            let later: Int32
            let end: Int32
            /// Whether any whole-entry ref must start a token, or end on a boundary.
            let wholeNeedsStart: Bool
            let wholeNeedsEnd: Bool

            var hasWhole: Bool { start < parts }
            var hasParts: Bool { parts < end }
        }

        struct Frozen: Sendable {
            let trie: UTF16Trie
            let keyCount: Int
            let info: FrozenArray<Info>
            let refs: FrozenArray<KeyRef>
            /// Keys are numbered by what they stand for, so that the walk can tell without
            /// reading `info`: below `wholeOnly`, whole entries only; from `laterOnly` on, only
            /// later parts of entries (nothing to do while no entry's first part occurred).
            let wholeOnly: Int32
            let laterOnly: Int32
        }

        func frozen() -> Frozen {
            // Group the pairs by key, keeping their order (entry by entry, an entry's parts in
            // order): a counting sort.
            var first = [Int32](repeating: 0, count: keys.count + 1)
            for p in pairs { first[Int(p.key) + 1] += 1 }
            for k in 0..<keys.count { first[k + 1] += first[k] }
            var next = first
            var grouped = [KeyRef](repeating: KeyRef.none, count: pairs.count)
            for p in pairs {
                grouped[Int(next[Int(p.key)])] = p.ref
                next[Int(p.key)] += 1
            }
            // Number the keys by class (stable within a class): whole entries only, whole
            // entries and parts, first parts, later parts only.
            func kind(_ k: Int) -> Int {
                var whole = false, firstPart = false, later = false
                for i in Int(first[k])..<Int(first[k + 1]) {
                    let part = grouped[i].part
                    if part < 0 { whole = true } else if part == 0 { firstPart = true } else { later = true }
                }
                return whole ? (firstPart || later ? 1 : 0) : (firstPart ? 2 : 3)
            }
            var byKind: [[Int32]] = [[], [], [], []]
            for k in 0..<keys.count { byKind[kind(k)].append(Int32(k)) }
            let order = byKind.flatMap { $0 }
            var id = [Int32](repeating: 0, count: keys.count)
            for (n, k) in order.enumerated() { id[Int(k)] = Int32(n) }
            // The refs by key, and the trie: independent, so built side by side.
            nonisolated(unsafe) var info: [Info] = [], flat: [KeyRef] = []
            nonisolated(unsafe) var trie: UTF16Trie?
            let table = self, refs = grouped, starts = first, ids = id
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 {
                    (info, flat) = Self.group(refs, first: starts, order: order)
                } else {
                    trie = table.sortedTrie(id: ids)
                }
            }
            return Frozen(
                trie: trie ?? UTF16Trie(keys: []), keyCount: keys.count, info: FrozenArray(info),
                refs: FrozenArray(flat), wholeOnly: Int32(byKind[0].count),
                laterOnly: Int32(keys.count - byKind[3].count))
        }

        /// The refs of each key (in the order of `order`) as one flat array, and where each
        /// key's runs are.
        private static func group(_ grouped: [KeyRef], first: [Int32], order: [Int32]) -> ([Info], [KeyRef]) {
            var info: [Info] = []
            info.reserveCapacity(order.count)
            var flat: [KeyRef] = []
            flat.reserveCapacity(grouped.count)
            for k in order.map(Int.init) {
                let group = Int(first[k])..<Int(first[k + 1])
                let start = Int32(flat.count)
                var needsStart = false, needsEnd = false
                // An expansion may repeat (two alternatives that normalise alike): once per
                // entry and part. Repeats come from one entry's part, so they are adjacent.
                func take(_ keep: (KeyRef) -> Bool) {
                    var last: KeyRef?
                    for i in group {
                        let ref = grouped[i]
                        guard keep(ref) else { continue }
                        if let l = last, l.entry == ref.entry && l.part == ref.part { continue }
                        last = ref
                        flat.append(ref)
                    }
                }
                take { $0.part < 0 }
                for ref in flat[Int(start)...] {
                    if !ref.startsFreely { needsStart = true }
                    if ref.needsEndBoundary { needsEnd = true }
                }
                let parts = Int32(flat.count)
                take { $0.part == 0 }
                let later = Int32(flat.count)
                take { $0.part > 0 }
                info.append(Info(
                    start: start, parts: parts, later: later, end: Int32(flat.count),
                    wholeNeedsStart: needsStart, wholeNeedsEnd: needsEnd))
            }
            return (info, flat)
        }

        /// The trie over the keys, its values the key numbers `id`.
        private func sortedTrie(id: [Int32]) -> UTF16Trie {
            var sorted = FlatKeys(), values: [Int32] = []
            sorted.reserve(keys: keys.count, units: keys.units.count)
            values.reserveCapacity(keys.count)
            for k in keys.sortedOrder() where keys.length(of: Int(k)) > 0 {
                sorted.append(keys.units[Int(keys.offsets[Int(k)])..<Int(keys.offsets[Int(k) + 1])])
                values.append(id[Int(k)])
            }
            return UTF16Trie(sorted: sorted, values: values)
        }
    }
}
