/// Entries written with gaps (`A…B`) or joined parts (large products) are indexed part by
/// part: a line's part hits are filtered to the entries whose every part occurs, in order
/// (`PartProgress`), then chained into one hit per match.
extension LexiconMatcher {
    /// Joins the parts of gapped patterns (`A…B`): part k+1 must start at most the entry's gap
    /// after part k ends, with no sentence end between. One hit per chain, from the first
    /// part's start to the last part's end; a chain starts as late as it can (the tightest), but
    /// first-part hits that end at one place are one occurrence, taken whole.
    mutating func chainParts(_ text: UnsafeBufferPointer<UInt16>, into candidates: inout [Hit]) {
        parts.sortByEntryAndPart(scratch: &partKeys)
        let gapStart = lexicon.gapStart.pointer, gapValues = lexicon.gapValues.pointer
        var i = 0
        // The matcher's scratch arrays, as locals (reading them through `self` per hit would
        // retain them).
        var reached: [(start: Int32, end: Int32)] = [], next: [(start: Int32, end: Int32)] = []
        swap(&reached, &chainReached)
        swap(&next, &chainNext)
        var parts: [PartHit] = []
        swap(&parts, &self.parts)
        defer {
            swap(&reached, &chainReached)
            swap(&next, &chainNext)
            parts.removeAll(keepingCapacity: true)
            swap(&parts, &self.parts)
        }
        while i < parts.count {
            let entry = parts[i].hit.entry
            var j = i
            while j < parts.count && parts[j].hit.entry == entry { j += 1 }
            let group = i..<j
            let gaps = UnsafeBufferPointer(
                start: gapValues + Int(gapStart[Int(entry)]), count: Int(gapStart[Int(entry) + 1] - gapStart[Int(entry)]))
            i = j
            let firstOfEntry = candidates.count
            reached.removeAll(keepingCapacity: true)
            for g in group where parts[g].part == 0 { reached.append((parts[g].hit.start, parts[g].hit.end)) }
            for k in 1...max(1, gaps.count) where !reached.isEmpty && k <= gaps.count {
                next.removeAll(keepingCapacity: true)
                // Both sides in text order: a window over `reached` (by end) slides forward with
                // the hits of part k (by start), so a megabyte of repeated phrases stays linear.
                reached.sort { ($0.end, $0.start) < ($1.end, $1.start) }
                let reach = Int32(gaps[k - 1])
                var lo = 0
                for g in group where parts[g].part == k {
                    let h = parts[g].hit
                    while lo < reached.count && reached[lo].end < h.start - reach { lo += 1 }
                    var best: Int32 = -1
                    var w = lo
                    while w < reached.count && reached[w].end <= h.start {
                        let c = reached[w]
                        w += 1
                        if reach == 0 {
                            // Joined parts: adjacent, and the longest chain (as if multiplied out).
                            if c.end == h.start && (best < 0 || c.start < best) { best = c.start }
                        } else if w >= 2 && w - 2 >= lo && reached[w - 2].end == c.end {
                            // Hits that end at the same place are one occurrence: the longest (the
                            // first of its end, as `reached` is sorted by end, then start) stands for
                            // it, so an optional opening ([住所を]変更…) stays in the chain.
                            continue
                        } else if c.start > best && !Self.crossesSentence(text, from: c.end, to: h.start) {
                            best = c.start
                        }
                    }
                    guard best >= 0 else { continue }
                    if k == gaps.count {
                        candidates.append(Hit(start: best, end: h.end, entry: entry))
                    } else {
                        next.append((best, h.end))
                    }
                }
                swap(&reached, &next)
            }
            // Two hits of the last part can close the same chain (も来ません and 来ません after
            // 経っても): one match.
            if candidates.count - firstOfEntry > 1 {
                var chains = candidates[firstOfEntry...].sorted { ($0.start, $0.end) < ($1.start, $1.end) }
                chains = chains.enumerated().filter { $0.offset == 0 || $0.element != chains[$0.offset - 1] }.map(\.element)
                candidates.replaceSubrange(firstOfEntry..., with: chains)
            }
        }
    }

    /// Whether a sentence ends (。 ! ? or a line break) in `text[from..<to]`.
    static func crossesSentence(_ text: UnsafeBufferPointer<UInt16>, from: Int32, to: Int32) -> Bool {
        for p in Int(from)..<Int(to) {
            switch text[p] {
            case 0x3002, 0x21, 0x3F, 0x0A, 0x0D: return true
            default: continue
            }
        }
        return false
    }
}

/// A match of one gap-separated part of an entry.
struct PartHit {
    var hit: Hit
    var part: Int16
}

extension Array where Element == PartHit {
    /// By entry, then part, then start, then end. Through 64-bit keys that hold a whole part
    /// hit (an integer sort, no comparator calls) when every one fits: entry < 2^20, part <
    /// 2^8, start < 2^24, length < 2^12; else by comparison.
    mutating func sortByEntryAndPart(scratch: inout [UInt64]) {
        guard count > 1 else { return }
        let fits = PackedSort.sort(&self, scratch: &scratch, packed: { h in
            UInt64(h.hit.entry) << 44 | UInt64(h.part) << 36 | UInt64(h.hit.start) << 12 | UInt64(h.hit.length)
        }, unpacked: { k in
            let start = Int32(truncatingIfNeeded: k >> 12 & 0xFF_FFFF)
            return PartHit(
                hit: Hit(start: start, end: start + Int32(truncatingIfNeeded: k & 0xFFF), entry: Int32(truncatingIfNeeded: k >> 44)),
                part: Int16(truncatingIfNeeded: k >> 36 & 0xFF))
        }, fits: { h in
            h.hit.entry >= 0 && h.hit.entry < 1 << 20 && h.part >= 0 && h.part < 1 << 8 && h.hit.start >= 0
                && h.hit.start < 1 << 24 && h.hit.length >= 0 && h.hit.length < 1 << 12
        })
        if !fits {
            sort { ($0.hit.entry, $0.part, $0.hit.start, $0.hit.end) < ($1.hit.entry, $1.part, $1.hit.start, $1.hit.end) }
        }
    }
}
