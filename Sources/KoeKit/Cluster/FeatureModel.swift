import Foundation

/// TF-IDF weighting fitted on the items being grouped: the same model turns items of other
/// weeks into comparable vectors, so they can be matched to this week's issues.
struct FeatureModel: Sendable {
    /// Feature names by id, interned by their bytes (see `FeatureWeights`).
    private var table = NameTable()
    var vocabulary: [String] { table.names }
    private(set) var documentFrequency: [Int] = []
    let itemCount: Int

    init(_ items: [IssueFeatures]) {
        itemCount = items.count
        for item in items {
            for feature in item.weights.names.sorted() {
                let (id, inserted) = table.insert(feature)
                if inserted { documentFrequency.append(1) } else { documentFrequency[Int(id)] += 1 }
            }
        }
    }

    /// The id of feature `name`, nil when no item has it.
    func id(of name: String) -> Int32? { table.id(of: name) }

    func idf(documentFrequency df: Int) -> Double {
        log(Double(itemCount + 1) / Double(df + 1)) + 1
    }

    /// An L2-normalised vector. Features the model has not seen weigh as if seen once, so
    /// they lower the similarity to this week's items as they should, under one shared id.
    func vector(_ item: IssueFeatures) -> SparseVector {
        vector(item.weights.pairs.lazy.map { (table.id(of: $0), $1) })
    }

    /// `vector` of features given by model id (nil: unseen) and raw weight.
    func vector<Features: Sequence<(Int32?, Double)>>(_ features: Features) -> SparseVector {
        var pairs: [(Int32, Double)] = []
        var unseen = 0.0
        for (id, raw) in features {
            let tf = raw > 1 ? 1 + log(raw) : raw
            if let id {
                pairs.append((id, tf * idf(documentFrequency: documentFrequency[Int(id)])))
            } else {
                let w = tf * idf(documentFrequency: 1)
                unseen += w * w
            }
        }
        // Unseen features share one id past the vocabulary; they never match anything.
        if unseen > 0 { pairs.append((Int32(vocabulary.count), unseen.squareRoot())) }
        return SparseVector(pairs, normalize: true)
    }
}
