/// How a lexicon pattern conjugates. The matcher indexes the stems, so that 使いにくい also
/// hits 使いにくかった / 使いにくくて / 使いにくくはない; negation after the stem is the
/// scorer's business, not the matcher's.
public enum Inflection: String, Sendable, CaseIterable {
    case fixed = "-"
    case adjI = "adj-i"
    case adjNa = "adj-na"
    case v1
    case v5
    case vs
    case prefix

    /// Parses the lexicon column; an empty column means `fixed`.
    public init?(column: String) {
        if column.isEmpty { self = .fixed } else { self.init(rawValue: column) }
    }

    /// Whether a match must end on a word boundary (conjugating words continue past the stem).
    public var needsEndBoundary: Bool { self == .fixed }

    /// The strings to index for `pattern` (already normalised), or nil when the pattern does
    /// not fit the class (the message explains why).
    public func stems(of pattern: String) -> Result<[String], InflectionError> {
        switch self {
        case .fixed, .adjNa, .prefix:
            return .success([pattern])
        case .adjI:
            guard pattern.hasSuffix("い"), pattern.count >= 2 else { return .failure(.expectedEnding("い")) }
            let stem = String(pattern.dropLast())
            // い (plain), かっ (past), く (adverbial/negative/て), けれ (conditional), さ (noun),
            // そう (looks), すぎ (too), げ (seems): what follows an い-adjective stem.
            return .success(["い", "かっ", "く", "けれ", "さ", "そう", "すぎ", "げ", "め"].map { stem + $0 })
        case .v1:
            guard pattern.hasSuffix("る"), pattern.count >= 2 else { return .failure(.expectedEnding("る")) }
            return .success([String(pattern.dropLast())])
        case .vs:
            if pattern.hasSuffix("する"), pattern.count > 2 { return .success([String(pattern.dropLast(2))]) }
            return .success([pattern])
        case .v5:
            guard let last = pattern.last, let row = Inflection.godanRows[last], pattern.count >= 2 else {
                return .failure(.expectedEnding("う く ぐ す つ ぬ ぶ む る"))
            }
            let stem = String(pattern.dropLast())
            var forms = row.map { stem + String($0) }
            if pattern.hasSuffix("行く") || pattern.hasSuffix("いく") { forms.append(stem + "っ") }
            return .success(forms)
        }
    }

    /// Godan endings: the five vowel forms plus the euphonic (音便) form of each row.
    private static let godanRows: [Character: [Character]] = [
        "う": ["わ", "い", "う", "え", "お", "っ"],
        "く": ["か", "き", "く", "け", "こ", "い"],
        "ぐ": ["が", "ぎ", "ぐ", "げ", "ご", "い"],
        "す": ["さ", "し", "す", "せ", "そ"],
        "つ": ["た", "ち", "つ", "て", "と", "っ"],
        "ぬ": ["な", "に", "ぬ", "ね", "の", "ん"],
        "ぶ": ["ば", "び", "ぶ", "べ", "ぼ", "ん"],
        "む": ["ま", "み", "む", "め", "も", "ん"],
        "る": ["ら", "り", "る", "れ", "ろ", "っ"],
    ]
}

public enum InflectionError: Error, Equatable, Sendable {
    case expectedEnding(String)
}
