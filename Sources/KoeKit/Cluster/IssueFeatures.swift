/// What one text says is wrong, as weighted features for issue grouping, plus the whole
/// words it uses (for new-term lists) and the problem phrases it contains (for labels).
///
/// Features are built from what the classifier found, not from every token:
/// - `w:` whole words: compound nouns rebuilt from adjacent ICU tokens (認証|コード → 認証コード,
///   売上|csv → 売上csv), their parts at half weight, mapped through `synonyms.tsv`;
/// - `p:` the lexicon line of each problem or request phrase (its inflections are one line),
///   or the problem kind the line names (`issue:crash`), so differently written lines that
///   name one problem (起動しない, 開かない, 落ちる) are one phrase;
/// - `a:` the word a problem phrase is about × that line (広告 × 閉じられない), the strongest;
/// - `code:` version strings and error codes (5.2.0, 3ds-402);
/// - `signal:` the signals that fired, weakly.
/// Words in sentences that carry a problem weigh fully; greetings, signatures and other
/// sentences of a text that has a problem sentence weigh little.
public struct IssueFeatures: Sendable, Equatable {
    /// Feature → raw weight (summed over occurrences), before IDF, in order of first occurrence.
    public var weights = FeatureWeights()
    /// Whole words and codes, each once, in order of appearance.
    public var words: [String] = []
    /// Problem phrases as written, in order of appearance.
    public var phrases: [IssuePhrase] = []

    public init() {}

    public init(weights: [String: Double], words: [String] = [], phrases: [IssuePhrase] = []) {
        self.init(weights: FeatureWeights(weights), words: words, phrases: phrases)
    }

    public init(weights: FeatureWeights, words: [String] = [], phrases: [IssuePhrase] = []) {
        self.weights = weights
        self.words = words
        self.phrases = phrases
    }
}

/// A problem phrase of one text: the word it is about and the phrase, as written
/// (「SMSが届かない」), with the sentence around it (for quotes cut at the issue).
public struct IssuePhrase: Sendable, Equatable {
    /// The feature the phrase stands for (`a:…` when it has a word, else `p:…`).
    public let feature: String
    /// The problem alone (`p:…`: the lexicon line or the kind it names), shared by phrases about
    /// different words or about none.
    public let problem: String
    public let text: String
    /// Unicode scalar offsets of the sentence that holds the phrase, end exclusive.
    public let sentenceStart: Int
    public let sentenceEnd: Int
    /// The phrase is evidence of a signal (a named problem such as trouble or slow response),
    /// not only of a negative word (困る).
    public let isSignal: Bool
    /// The wording holds a word: the one the phrase is about, one close before it
    /// (「値段を変えるとエラー」) or one inside the match (「返金が遅い」), not the predicate
    /// alone (「エラー」, 「ほしい」).
    public var hasWord = false
}

/// Weights of the feature kinds; see `IssueFeatures`.
enum IssueFeatureWeight {
    static let word = 1.0
    static let wordPart = 0.5
    /// A word in a sentence without problem evidence, when the text has such a sentence.
    static let offProblemSentence = 0.3
    static let predicate = 0.6
    static let argument = 1.5
    /// Extra weight of a word a problem phrase is about.
    static let focusWord = 1.0
    static let code = 2.0
    static let signal = 0.3
    /// Words and phrases of a subject line.
    static let subject = 0.4
    /// Words of a review's title (`ReviewTitle`); off the problem sentence they weigh
    /// `offProblemSentence` of it, as other words do.
    static let reviewTitle = 0.8
    /// How many scalars (particles) may stand between a word and the phrase about it.
    static let argumentGap = 3
    /// How far before a phrase without such a word its wording may start at a word of the same
    /// sentence (「CSVを開くと文字化け」), for labels only.
    static let wordingGap = 12
}
