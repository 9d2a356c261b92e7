/// What a lexicon entry contributes when its pattern matches.
public enum Target: Hashable, Sendable, CustomStringConvertible {
    case polarity(Polarity)
    case signal(String)
    case topic(String)
    case rule(RuleRole)
    /// `aspect:SIGNAL`: the pattern names a thing that is judged (料金, 担当者, マニュアル); a
    /// judgement of the signal family's sign in the same clause makes the text carry the signal.
    /// `aspect:SIGNAL@CLASS` takes only a judgement that the word class spells (返信が … 遅い:
    /// `aspect:slow_response@slow`), so a thing judged in many ways can carry one signal per way.
    case aspect(String, judgement: String? = nil)

    public var description: String {
        switch self {
        case let .polarity(p): p.rawValue
        case let .signal(id): id
        case let .topic(id): "topic:\(id)"
        case let .rule(role): "rule:\(role.rawValue)"
        case let .aspect(id, judgement): "aspect:\(id)" + (judgement.map { "@\($0)" } ?? "")
        }
    }
}

public enum Polarity: String, Sendable, CaseIterable {
    /// `none` claims a span like any word — a shorter word inside it loses the overlap — and
    /// weighs nothing: よくある質問 keeps よく ("often") from reading as 良く.
    case pos, neg, none
    public var sign: Double {
        switch self {
        case .pos: 1
        case .neg: -1
        case .none: 0
        }
    }
}

/// The roles of rule words (files under `rules/`).
public enum RuleRole: String, Sendable, CaseIterable {
    case negator
    case doubleNegation = "double_negation"
    case pseudoNegation = "pseudo_negation"
    case contrast
    case conditional
    case question
    case intensifier
    case hedge
    case sarcasm
    case boilerplate
    case clauseEnd = "clause_end"
    /// はありません / もない: negates like a negator; with nothing to negate, the absence of
    /// something is itself a (mild) complaint — エレベーターはありません.
    case absence
    /// もあります: with no content word before it, having something is mildly positive.
    case presence
    /// できませんでした / られなかった: negates like a negator; with nothing to negate, not
    /// being able to do something is itself a complaint (入れませんでした).
    case inability
    /// ば良かった / 方がいい / といいな: turns the praise word inside it into a suggestion,
    /// i.e. a mild complaint (案内があれば良かった).
    case suggestion
    /// Words a negation may reach across (思って, つもり, 予定): other kanji between a word and
    /// a negator stop the negation (不味く、食べられません does not negate 不味い).
    case scopeBridge = "scope_bridge"
    /// とか言われてる / って評判 / と聞いた: what its clause says before it is what others say,
    /// not the writer's own view (対応が遅いとか言われてるけど自分のときは早かった).
    case hearsay
    /// 以前は / 今までは / 導入前は: what its clause says after it is how things were. When the
    /// text then says the opposite (以前は待たされたが、今はすぐつながる), the past side is
    /// background: no weight, no signal.
    case past
    /// について / の件で / の際: what stands before it in its sentence is the matter the sentence
    /// is about. When the sentence then only praises how it was handled (誤配送の件で丁寧にお電話を
    /// いただき感謝しています), the trouble named is the case, not a complaint.
    case handledCase = "case"
    /// 台風で欠航, カードを紛失: an event nobody is blamed for (weather, the customer's own loss)
    /// is the circumstance of a request, not a complaint: the words inside it score nothing.
    case circumstance
    /// 係： / オペレーター： opening a sentence of a chat transcript: the sentence is the
    /// company's wording, not the customer's, so its words and signal phrases score nothing.
    case agentTurn = "agent_turn"
    /// 全然 / ちっとも / 一向に: an adverb that goes with a negation. It scales the next hit like an
    /// intensifier; a negator of its clause with nothing to negate is then a complaint of its own
    /// (全然出てこない, 一向に進まない) — the emphasis says the thing should have happened.
    case emphatic
    /// 直せ / 改善しろ / 金返せ at the end of a sentence: a plain imperative demands what a request
    /// asks politely. It acts as a suggestion of its weight (praise before it is wished for, and
    /// alone it is a complaint); not at a sentence end it is another word (直せる, むしろ).
    case imperative
    /// のだけ / 欲を言えば / 唯一の不満 / 玉に瑕: the complaint next to it in its clause is named as
    /// the one small fault of something liked; it weighs the line's weight (0.5) and keeps its
    /// signal (料金だけが高いのが玉に瑕 is still a pricing complaint).
    case minor

    /// Grammatical words that lose to a content word containing them (物足りない's ない).
    var yieldsToContent: Bool {
        switch self {
        case .negator, .contrast, .conditional, .absence, .presence, .inability: true
        default: false
        }
    }
}

/// Where something was written: `file:line`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// One line of an entry file: a pattern, what it contributes, how strongly, how it conjugates.
public struct LexiconEntry: Sendable {
    public let pattern: String
    /// The pattern after normalisation; what the matcher indexes (via its stems).
    public let normalizedPattern: String
    public let targets: [Target]
    public let weight: Double
    /// How the last word conjugates; `prefix` for a pattern with `<neg>` / `<cannot>`.
    public let inflection: Inflection
    public let location: SourceLocation
    /// The strings the pattern stands for, per gap-separated part, before conjugation stems.
    public let segments: [[String]]
    /// The largest distance in characters between part k and k+1.
    public let gaps: [Int]

    /// Whether the pattern is plain text (it stands for itself alone).
    public var isLiteral: Bool { segments.count == 1 && segments[0] == [normalizedPattern] }

    /// The strings the matcher indexes for part `k`: the last part's strings conjugate.
    public func keys(ofSegment k: Int) -> [String] {
        guard k == segments.count - 1 else { return segments[k] }
        return segments[k].flatMap { s -> [String] in
            if case let .success(stems) = inflection.stems(of: s) { return stems }
            return []
        }
    }
}
