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
    /// 来る / くる (カ変): for `<neg>` / `<cannot>`; affirmative forms index こ/き/く/来.
    case kuru
    /// ある: for `<neg>` (ない, ありません, なし …); affirmative forms index あ.
    case aru
    case prefix

    /// Parses the lexicon column; an empty column means `fixed`.
    public init?(column: String) {
        if column.isEmpty { self = .fixed } else { self.init(rawValue: column) }
    }

    /// Whether a match must end on a word boundary (conjugating words continue past the stem).
    public var needsEndBoundary: Bool { self == .fixed }

    /// Whether `pattern` (already normalised) fits the class: `stems(of:)` fails exactly when
    /// it does not. Cheaper than `stems`, which builds the strings.
    public func fits(_ pattern: String) -> Bool {
        switch self {
        case .fixed, .adjNa, .prefix, .vs: true
        case .adjI: pattern.hasSuffix("い") && pattern.count >= 2
        case .kuru: pattern.hasSuffix("来る") || pattern.hasSuffix("くる")
        case .aru: pattern.hasSuffix("ある")
        case .v1: pattern.hasSuffix("る") && pattern.count >= 2
        case .v5: pattern.last.map { Inflection.godanRows[$0] != nil } == true && pattern.count >= 2
        }
    }

    /// The strings to index for `pattern` (already normalised), or nil when the pattern does
    /// not fit the class (the message explains why).
    public func stems(of pattern: String) -> Result<[String], InflectionError> {
        guard fits(pattern) else { return .failure(.expectedEnding(expectedEnding)) }
        switch self {
        case .fixed, .adjNa, .prefix:
            return .success([pattern])
        case .adjI:
            let stem = String(pattern.dropLast())
            // い (plain), かっ (past), く (adverbial/negative/て), けれ (conditional), さ (noun),
            // そう (looks), すぎ (too), げ (seems): what follows an い-adjective stem.
            var forms = ["い", "かっ", "く", "けれ", "さ", "そう", "すぎ", "げ", "め"].map { stem + $0 }
            forms += Inflection.colloquialNegatives(of: pattern)
            return .success(forms)
        case .kuru:
            let head = String(pattern.dropLast(2))
            return .success(pattern.hasSuffix("来る") ? [head + "来"] : ["こ", "き", "く"].map { head + $0 })
        case .aru:
            return .success([String(pattern.dropLast(2)) + "あ"])
        case .v1:
            return .success([String(pattern.dropLast())])
        case .vs:
            if pattern.hasSuffix("する"), pattern.count > 2 { return .success([String(pattern.dropLast(2))]) }
            return .success([pattern])
        case .v5:
            let stem = String(pattern.dropLast())
            var forms = Inflection.godanRows[pattern.last!]!.map { stem + String($0) }
            if pattern.hasSuffix("行く") || pattern.hasSuffix("いく") { forms.append(stem + "っ") }
            return .success(forms)
        }
    }

    /// An い-adjective that is a verb's negative (つまらない, 分からない, 足りない, 使えない) is
    /// also said with ん and, in 関西弁, へん: つまらん, 分からへん, 足りん. Only after the kana a
    /// verb's negative stands on (ら わ か さ ま ば, or り れ え of a 一段 verb): not
    /// 情けない, 少ない, きたない (きたん would be 来たん).
    static func colloquialNegatives(of pattern: String) -> [String] {
        guard pattern.hasSuffix("ない"), pattern.count >= 3 else { return [] }
        let base = pattern.dropLast(2)
        guard let last = base.last, "らわかさまばりれえ".contains(last) else { return [] }
        return [String(base) + "ん", String(base) + "へん"]
    }

    /// What a pattern of this class must end in, for messages.
    var expectedEnding: String {
        switch self {
        case .adjI: "い"
        case .v1: "る"
        case .v5: "う く ぐ す つ ぬ ぶ む る"
        case .kuru: "来る or くる"
        case .aru: "ある"
        case .vs: "する"
        case .fixed, .adjNa, .prefix: "anything"
        }
    }

    /// Godan endings: the five vowel forms plus the euphonic (音便) form of each row.
    static let godanRows: [Character: [Character]] = [
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
    /// `<neg>` / `<cannot>` on a word whose class its ending does not tell (る, ない).
    case needsClass(String)
}
