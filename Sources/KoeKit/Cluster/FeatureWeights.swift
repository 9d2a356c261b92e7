/// Issue-feature weights of one text: each feature name once, with its raw weight (summed
/// over occurrences, before IDF), in order of first occurrence.
///
/// Kept as two parallel arrays, not a `[String: Double]`: a text has a few dozen features,
/// and every consumer either walks them all or interns the names by their bytes (`NameTable`),
/// so hashing each name through its NFC form, as a `String` key does, was pure cost. Names
/// are told apart by their bytes, which for normalised text (the analyser's words and the
/// lexicon's ids) is the same as telling them apart as strings.
public struct FeatureWeights: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var names: [String] = []
    public private(set) var values: [Double] = []
    /// `NameTable.hash` of each name when the weights were summed on a worker (empty
    /// otherwise): the collector interns the names without hashing them again.
    private(set) var hashes: [UInt64] = []

    public init() {}

    /// From a dictionary, names in sorted order.
    public init(_ dictionary: [String: Double]) {
        for name in dictionary.keys.sorted() {
            names.append(name)
            values.append(dictionary[name]!)
        }
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, _ in preconditionFailure("a feature named twice") }))
    }

    /// Pairs whose names are known to be distinct (`FeatureSets`).
    init(distinctNames names: [String], values: [Double], hashes: [UInt64] = []) {
        self.names = names
        self.values = values
        self.hashes = hashes
    }

    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }
    /// The feature names, in order of first occurrence.
    public var keys: [String] { names }

    /// The weight of `name`, nil when the text has no such feature.
    public subscript(name: String) -> Double? {
        names.firstIndex { NameTable.sameBytes($0, name) }.map { values[$0] }
    }

    /// The pairs, in order.
    public var pairs: Zip2Sequence<[String], [Double]> { zip(names, values) }

    public var dictionary: [String: Double] {
        Dictionary(pairs.map { ($0, $1) }, uniquingKeysWith: +)
    }
}

extension FeatureWeights: Equatable {
    /// Equal features with equal weights, in any order.
    public static func == (a: FeatureWeights, b: FeatureWeights) -> Bool {
        a.count == b.count && a.pairs.allSatisfy { b[$0] == $1 }
    }
}

/// Sums weights per feature name as a text's features are found (`Classifier.issueFeatures`).
struct FeatureWeightSum {
    private var table = NameTable(capacity: 32)
    private var values: [Double] = []

    /// Adds `weight` to `name` (summed in the order added, as `[String: Double]` did).
    mutating func add(_ name: String, _ weight: Double) {
        let (id, inserted) = table.insert(name)
        if inserted { values.append(weight) } else { values[Int(id)] += weight }
    }

    var result: FeatureWeights { FeatureWeights(distinctNames: table.names, values: values, hashes: table.hashes) }
    var isEmpty: Bool { values.isEmpty }
}
