/// The items of one earlier week that may count for the report week's issues, reduced to what
/// matching needs: the key, whether the item is dissatisfied or a feature request, and its
/// issue-feature weights under ids of a shared `FeatureNames` (no text, no strings per
/// feature). All items of the week share flat arrays, so an item costs a few dozen bytes.
struct CompactIssueItems: Sendable {
    struct Item {
        let key: String
        let isDissatisfied: Bool
        let isRequest: Bool
        /// Range of the item's features in `ids` / `weights`.
        let features: Range<Int>
    }

    private(set) var items: [Item] = []
    private(set) var ids: [Int32] = []
    private(set) var weights: [Double] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func append(_ item: ReportItem, isRequest: Bool, names: inout FeatureNames) {
        let start = ids.count
        for (feature, weight) in item.features.weights {
            ids.append(names.id(feature))
            weights.append(weight)
        }
        items.append(Item(key: item.key, isDissatisfied: item.isDissatisfied, isRequest: isRequest, features: start..<ids.count))
    }
}

/// Issue-feature names (`w:…`, `a:…>…`, `code:…`) interned to dense ids for `CompactIssueItems`.
struct FeatureNames: Sendable {
    private var index: [String: Int32] = [:]
    private(set) var names: [String] = []

    mutating func id(_ name: String) -> Int32 {
        if let id = index[name] { return id }
        let id = Int32(names.count)
        index[name] = id
        names.append(name)
        return id
    }
}
