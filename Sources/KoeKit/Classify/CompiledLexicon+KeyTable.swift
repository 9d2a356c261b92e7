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
                        // Grammatical rule words are fragments of ICU tokens at both ends, unless
                        // the line is written `prefix` (と助か must not start inside ほんと).
                        // A part joined to the one before it (gap 0) continues that text: no boundary.
                        let joined = k > 0 && entry.gaps[k - 1] == 0
                        let startsFreely = joined || (k == 0 && CompiledLexicon.startsFreely(target) && key.count >= 2
                            && entry.inflection != .prefix)
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
            let hashes = hashes
            OpenAddressing.grow(&slots, count: hashes.count) { k, mask in Int(truncatingIfNeeded: hashes[k]) & mask }
        }

        /// What the matcher needs of one key before reading its refs. A key's header and its
        /// refs are consecutive slots of one array (`Frozen.slots`), so that one cache line
        /// usually serves both; the trie's value for a key is its header's slot. The refs are
        /// `slots[start..<end]`, in three runs: whole entries (`start..<parts`), first parts of
        /// gapped or joined entries (`parts..<later`), later parts (`later..<end`). Each run is
        /// in entry order, and an entry's later parts in part order.
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

            init(start: Int32, parts: Int32, later: Int32, end: Int32, wholeNeedsStart: Bool, wholeNeedsEnd: Bool) {
                self.start = start
                self.parts = parts
                self.later = later
                self.end = end
                self.wholeNeedsStart = wholeNeedsStart
                self.wholeNeedsEnd = wholeNeedsEnd
            }

            /// The header slot: `entry` holds the number of later-part refs; `bits` the number
            /// of whole refs (bits 0–13), the two flags (14, 15) and the number of first-part
            /// refs (16–31).
            static let maxWhole = 0x3FFF, maxFirst = 0xFFFF

            /// The key whose header is `slots[at]`.
            @inline(__always)
            init(at: Int32, in slots: UnsafePointer<KeyRef>) {
                let head = slots[Int(at)]
                start = at + 1
                parts = start + Int32(head.bits & 0x3FFF)
                later = parts + Int32(head.bits >> 16)
                end = later + head.entry
                wholeNeedsStart = head.bits & 0x4000 != 0
                wholeNeedsEnd = head.bits & 0x8000 != 0
            }

            /// The header slot of a key with these refs.
            static func header(whole: Int, first: Int, later: Int, needsStart: Bool, needsEnd: Bool) -> KeyRef {
                KeyRef(
                    entry: Int32(later),
                    bits: UInt32(whole) | (needsStart ? 0x4000 : 0) | (needsEnd ? 0x8000 : 0) | UInt32(first) << 16)
            }
        }

        struct Frozen: Sendable {
            let trie: UTF16Trie
            let keyCount: Int
            /// Per key, its header slot and then its refs (`Info`).
            let slots: FrozenArray<KeyRef>
            /// Keys are laid out by what they stand for, so that the walk can tell from the
            /// trie's value without reading the slots: below `wholeOnly`, whole entries only;
            /// from `laterOnly` on, only later parts of entries (nothing to do while no entry's
            /// first part occurred).
            let wholeOnly: Int32
            let laterOnly: Int32
        }

        /// Too many entries stand for one key for the header's counts.
        struct TooManyRefs: Error {}

        func frozen() throws -> Frozen {
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
            // Lay the keys out by class (stable within a class): whole entries only, whole
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
            let (slots, head) = try Self.group(grouped, first: first, order: order)
            let wholeOnly = byKind[0].count, laterOnly = keys.count - byKind[3].count
            return Frozen(
                trie: sortedTrie(id: head), keyCount: keys.count, slots: FrozenArray(slots),
                wholeOnly: wholeOnly < keys.count ? head[Int(order[wholeOnly])] : Int32(slots.count),
                laterOnly: laterOnly < keys.count ? head[Int(order[laterOnly])] : Int32(slots.count))
        }

        /// Each key (in the order of `order`) as a header slot followed by its refs, in one flat
        /// array, and where each key's header is.
        private static func group(_ grouped: [KeyRef], first: [Int32], order: [Int32]) throws -> ([KeyRef], [Int32]) {
            var head = [Int32](repeating: 0, count: order.count)
            var flat: [KeyRef] = []
            flat.reserveCapacity(grouped.count + order.count)
            for k in order.map(Int.init) {
                let group = Int(first[k])..<Int(first[k + 1])
                let at = flat.count
                head[k] = Int32(at)
                flat.append(KeyRef.none)
                let start = flat.count
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
                for ref in flat[start...] {
                    if !ref.startsFreely { needsStart = true }
                    if ref.needsEndBoundary { needsEnd = true }
                }
                let parts = flat.count
                take { $0.part == 0 }
                let later = flat.count
                take { $0.part > 0 }
                guard parts - start <= Info.maxWhole, later - parts <= Info.maxFirst else { throw TooManyRefs() }
                flat[at] = Info.header(
                    whole: parts - start, first: later - parts, later: flat.count - later, needsStart: needsStart,
                    needsEnd: needsEnd)
            }
            return (flat, head)
        }

        /// The trie over the keys, its value for key `k` being `id[k]` (its header slot).
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
