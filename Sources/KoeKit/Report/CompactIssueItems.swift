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
struct FeatureSets: Sendable {
    /// Feature names by id, interned by their bytes (see `FeatureWeights`).
    private var table = NameTable()
    var names: [String] { table.names }
    /// Pairs of every set, set after set, ordered by feature id within a set.
    private(set) var ids: [Int32] = []
    private(set) var weights: [Double] = []
    /// Start of each set in `ids` / `weights`, and the end of the last.
    private var starts: [Int32] = [0]
    /// Hash of a set's pairs → the sets with that hash.
    private var byHash: [Int: [Int32]] = [:]

    var count: Int { starts.count - 1 }

    func range(_ set: Int32) -> Range<Int> { Int(starts[Int(set)])..<Int(starts[Int(set) + 1]) }

    private mutating func nameID(_ name: String) -> Int32 { table.insert(name).id }

    /// Set `set` as weights (its names are the stored strings, shared, not copied), in
    /// feature id order.
    func weights(of set: Int32) -> FeatureWeights {
        let r = range(set)
        return FeatureWeights(distinctNames: r.map { table.names[Int(ids[$0])] }, values: Array(weights[r]))
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
        for set in byHash[hash] ?? [] {
            let r = range(set)
            if r.count == pairs.count && zip(r, pairs).allSatisfy({ ids[$0] == $1.0 && weights[$0] == $1.1 }) { return set }
        }
        let set = Int32(count)
        for (id, weight) in pairs {
            ids.append(id)
            weights.append(weight)
        }
        starts.append(Int32(ids.count))
        byHash[hash, default: []].append(set)
        return set
    }
}
