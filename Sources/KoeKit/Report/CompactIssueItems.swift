/// The items of earlier weeks that may count for the report week's issues, reduced to what
/// matching needs: the key, whether the item is dissatisfied or a feature request, and its
/// issue-feature weights as a set of (feature id, weight) pairs of a shared `FeatureNames`.
/// Equal sets (the same ticket sent again, a form letter) are stored once, and all sets share
/// flat arrays, so an item costs a few dozen bytes plus its set when the set is new.
struct CompactIssueItems: Sendable {
    struct Item: Sendable {
        let key: String
        let isDissatisfied: Bool
        let isRequest: Bool
        /// Index of the item's feature set in `FeatureSets`.
        let features: Int32
    }

    private(set) var items: [Item] = []

    var isEmpty: Bool { items.isEmpty }

    /// `set`: the item's issue features in `FeatureSets`.
    mutating func append(_ item: ReportItem, isRequest: Bool, set: Int32) {
        items.append(Item(key: item.key, isDissatisfied: item.isDissatisfied, isRequest: isRequest, features: set))
    }
}

/// Issue-feature sets (feature → raw weight) stored once each, their names interned to dense
/// ids: the compact form of the earlier weeks' items.
///
/// A set costs 6 bytes a pair plus 12 a set: raw weights are sums of a few constants
/// (`IssueFeatureWeight`), so the distinct values are few and each pair keeps a 16-bit code
/// into a table of them (the exact `Double`); sets are found by hash in an open-addressing
/// table of set ids, not a dictionary of arrays. Text that rarely repeats makes a new set
/// for nearly every item of an earlier week, so this is what grows with the input.
struct FeatureSets: Sendable {
    /// Feature names by id, interned by their bytes (see `FeatureWeights`), packed.
    private var table = PackedNames()
    var nameCount: Int { table.count }
    /// Feature name `id`, as a new string.
    func name(_ id: Int32) -> String { table.name(id) }
    /// Feature ids of every set, set after set, ordered by feature id within a set.
    private(set) var ids: [Int32] = []
    /// Per pair, its weight's code: an index into `values`, or `escape` (then `overflow` holds it).
    private var codes: [UInt16] = []
    /// The distinct weights, by code, and the code of each (by its bits).
    private var values: [Double] = []
    private var codeOf: [UInt64: UInt16] = [:]
    /// Weights of pairs past the 65,535 distinct values the codes hold, by pair index.
    private var overflow: [Int: Double] = [:]
    private static let escape = UInt16.max
    /// Start of each set in `ids` / `codes`, and the end of the last.
    private var starts: [Int32] = [0]
    /// Open addressing: set id + 1 (0: empty); the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// Each set's hash (to place it again when `slots` grows).
    private var hashes: [Int] = []

    var count: Int { starts.count - 1 }

    func range(_ set: Int32) -> Range<Int> { Int(starts[Int(set)])..<Int(starts[Int(set) + 1]) }

    /// The raw weight of pair `k` (an index of `range`).
    func weight(at k: Int) -> Double {
        let code = codes[k]
        return code == Self.escape ? overflow[k]! : values[Int(code)]
    }

    private mutating func nameID(_ name: String) -> Int32 { table.insert(name).id }

    private mutating func append(weight: Double) {
        if let code = codeOf[weight.bitPattern] {
            codes.append(code)
        } else if values.count < Int(Self.escape) {
            codeOf[weight.bitPattern] = UInt16(values.count)
            codes.append(UInt16(values.count))
            values.append(weight)
        } else {
            overflow[codes.count] = weight
            codes.append(Self.escape)
        }
    }

    /// Set `set` as weights, in feature id order.
    func weights(of set: Int32) -> FeatureWeights {
        var names: [Int32: String] = [:]
        return weights(of: set, names: &names)
    }

    /// `weights(of:)` whose names come from `names` (by id), made and added there when missing:
    /// the sets given back with one dictionary share their names' storage.
    func weights(of set: Int32, names: inout [Int32: String]) -> FeatureWeights {
        let r = range(set)
        var strings: [String] = []
        strings.reserveCapacity(r.count)
        for k in r {
            let id = ids[k]
            if let name = names[id] { strings.append(name) } else {
                let name = table.name(id)
                names[id] = name
                strings.append(name)
            }
        }
        return FeatureWeights(distinctNames: strings, values: r.map(weight(at:)))
    }

    /// The id of the set equal to `features`, stored now if it is new.
    mutating func id(_ features: FeatureWeights) -> Int32 {
        let known = features.hashes.count == features.count
        var pairs = features.pairs.enumerated().map { k, pair in
            (known ? table.insert(pair.0, hash: features.hashes[k]).id : nameID(pair.0), pair.1)
        }
        pairs.sort { $0.0 < $1.0 }
        // FNV-1a over the ids and weights (equal weights have equal bits; 0 stands for ±0).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (id, weight) in pairs {
            h = (h ^ UInt64(UInt32(bitPattern: id))) &* 0x100_0000_01b3
            h = (h ^ (weight == 0 ? 0 : weight.bitPattern)) &* 0x100_0000_01b3
        }
        let hash = Int(truncatingIfNeeded: h ^ (h >> 29))
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let set = slots[slot] - 1
            if hashes[Int(set)] == hash {
                let r = range(set)
                if r.count == pairs.count && zip(r, pairs).allSatisfy({ ids[$0] == $1.0 && weight(at: $0) == $1.1 }) { return set }
            }
            slot = (slot + 1) & mask
        }
        let set = Int32(count)
        for (id, weight) in pairs {
            ids.append(id)
            append(weight: weight)
        }
        starts.append(Int32(ids.count))
        hashes.append(hash)
        slots[slot] = set + 1
        if 2 * count > slots.count { grow() }
        return set
    }

    /// Doubles `slots` and places every set again.
    private mutating func grow() {
        let hashes = hashes
        OpenAddressing.grow(&slots, count: hashes.count) { set, mask in hashes[set] & mask }
    }
}
