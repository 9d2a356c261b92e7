/// The forms `WORD<neg>` and `WORD<cannot>` stand for: a negated fact is written once
/// (`来る<neg>`) and matches plain, polite, past, ている, ず/ぬ and colloquial forms. The
/// forms are prefixes (a line with a negation matches like `prefix`), so 来なかった also
/// covers 来なかったので and 来ませんでした covers 来ませんでしたが.
enum Negation {
    /// The negative forms of `word` (dictionary form, normalised) of class `inflection`, or
    /// the reason they cannot be made.
    static func forms(of word: String, _ op: Pattern.Negation, as inflection: Inflection?) -> Result<[String], InflectionError> {
        guard let inflection = inflection ?? infer(word) else {
            return .failure(.needsClass(word))
        }
        guard let base = Bases(word, inflection) else {
            return .failure(.expectedEnding(inflection.expectedEnding))
        }
        switch op {
        case .neg: return .success(base.negatives)
        case .cannot: return .success(base.cannots)
        }
    }

    /// The class of `word` when its ending says it: する, 来る, ある, い, or a godan ending
    /// other than る (which may be ichidan or godan).
    static func infer(_ word: String) -> Inflection? {
        if word.hasSuffix("する") { return .vs }
        if word.hasSuffix("来る") || word == "くる" || word.hasSuffix("てくる") { return .kuru }
        if word.hasSuffix("ある") { return .aru }
        if word.hasSuffix("ない") { return nil }
        if word.hasSuffix("い") { return .adjI }
        if let last = word.last, "うくぐすつぬぶむ".contains(last) { return .v5 }
        return nil
    }

    /// Endings that negate a verb's 未然形 / 連用形 / て形, an adjective's く form, a noun.
    private static let plainEndings = ["ない", "なかった", "なく", "ず", "ぬ", "ねえ", "ねー", "へん", "ん"]
    private static let politeEndings = ["ません", "ませんでした"]
    private static let progressiveEndings = ["いない", "いなかった", "いなく", "ない", "なかった", "なく", "いません", "ません", "おらず", "おりません", "ねえ", "へん"]
    private static let copulaEndings = ["じゃない", "じゃなかった", "じゃなく", "ではない", "ではなかった", "ではなく", "でない", "でなく",
        "じゃありません", "ではありません", "じゃねえ", "ちゃう"]

    /// The stems a negation attaches to.
    private struct Bases {
        var negatives: [String] = []
        var cannots: [String] = []

        init?(_ word: String, _ inflection: Inflection) {
            switch inflection {
            case .v5:
                // The rows of `Inflection`: 0 未然 (a), 1 連用 (i), 3 可能 (e), 5 音便.
                guard let last = word.last, let row = Inflection.godanRows[last], word.count >= 2 else { return nil }
                let stem = String(word.dropLast())
                let te = Bases.teForm(stem: stem, ending: last, row: row, word: word)
                negatives = Bases.verb(irrealis: stem + String(row[0]), continuative: stem + String(row[1]), te: te)
                let potential: String = stem + String(row[3])
                cannots = Bases.verb(irrealis: potential, continuative: potential, te: potential + "て") + Bases.koto(word)
            case .v1:
                guard word.hasSuffix("る"), word.count >= 2 else { return nil }
                let stem = String(word.dropLast())
                negatives = Bases.verb(irrealis: stem, continuative: stem, te: stem + "て")
                let rare: String = stem + "られ", re: String = stem + "れ"
                cannots = Bases.verb(irrealis: rare, continuative: rare, te: rare + "て")
                cannots += Bases.verb(irrealis: re, continuative: re, te: re + "て")
                cannots += Bases.koto(word)
            case .vs:
                let noun = word.hasSuffix("する") ? String(word.dropLast(2)) : word
                let shi: String = noun + "し"
                negatives = Bases.verb(irrealis: shi, continuative: shi, te: shi + "て") + [noun + "せず", noun + "せぬ"]
                var forms: [String] = []
                for can in ["でき", "出来", "ができ", "が出来"] {
                    let stem: String = noun + can
                    forms += Bases.verb(irrealis: stem, continuative: stem, te: stem + "て")
                }
                cannots = forms
            case .kuru:
                let head = word.hasSuffix("来る") ? String(word.dropLast(2)) + "来" : String(word.dropLast(2))
                let kanji = word.hasSuffix("来る")
                let a: String = kanji ? head : head + "こ"
                let i: String = kanji ? head : head + "き"
                let t: String = i + "て"
                negatives = Bases.verb(irrealis: a, continuative: i, te: t)
                // 来ない is written こない as often (返信こない, 通知がこなかった): a kanji line
                // negates in kana too, with the plain endings only. The き forms (きません,
                // きていない) end other verbs after a gap (届きません, 設定ができていない), and a
                // kana stem alone (き) would start other words (きちんと); こん and こぬ would too
                // (通知がこんなに).
                if kanji {
                    let kana = String(word.dropLast(2)) + "こ"
                    negatives += Negation.plainEndings.filter { $0 != "ん" && $0 != "ぬ" }.map { kana + $0 }
                }
                let rare: String = a + "られ", re: String = a + "れ"
                cannots = Bases.verb(irrealis: rare, continuative: rare, te: rare + "て")
                cannots += Bases.verb(irrealis: re, continuative: re, te: re + "て")
            case .aru:
                guard word.hasSuffix("ある") else { return nil }
                let head = String(word.dropLast(2))
                negatives = ["ない", "なかった", "なく", "なし", "無い", "無かった", "無く", "無し", "ねえ", "ねー", "ありません", "ございません"]
                    .map { head + $0 }
                cannots = []
            case .adjI:
                guard word.hasSuffix("い"), word.count >= 2 else { return nil }
                let stem = word.hasSuffix("いい") ? String(word.dropLast(2)) + "よ" : String(word.dropLast())
                negatives = ["くない", "くなかった", "くなく", "くありません", "くねえ", "くねー", "うない"].map { stem + $0 }
                cannots = []
            case .adjNa, .fixed, .prefix:
                negatives = Negation.copulaEndings.map { word + $0 }
                cannots = []
            }
        }

        /// Plain, polite and ている negatives of a verb from its three stems.
        static func verb(irrealis a: String, continuative i: String, te: String) -> [String] {
            Negation.plainEndings.map { a + $0 } + Negation.politeEndings.map { i + $0 }
                + Negation.progressiveEndings.map { te + $0 }
        }

        /// ことができない and its polite forms.
        static func koto(_ word: String) -> [String] {
            ["ことができない", "ことができなかった", "ことができず", "ことができません", "ことが出来ない", "ことが出来ません"].map { word + $0 }
        }

        /// The て form of a godan verb from its euphonic kana (す has none and keeps し), voiced
        /// after ぐ ぬ ぶ む: 書いて, 泳いで, 話して, 待って, 死んで; 行く takes って.
        static func teForm(stem: String, ending: Character, row: [Character], word: String) -> String {
            if word.hasSuffix("行く") || word.hasSuffix("いく") { return stem + "って" }
            let euphonic = row.count > 5 ? row[5] : row[1]
            return stem + String(euphonic) + ("ぐぬぶむ".contains(ending) ? "で" : "て")
        }
    }
}
