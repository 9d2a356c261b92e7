extension Classifier {
    /// Issue features of the text last classified (`classification` must be its result and
    /// `text` the same text): see `IssueFeatures`.
    /// `subjectLength`: how many scalars at the start of `text` are a subject line. Subjects are
    /// often a form's category (アプリの不具合) shared by unrelated tickets, so their words and
    /// phrases weigh `IssueFeatureWeight.subject` and never label an issue alone. A review's
    /// title (a subject after a rating mark, ★2 通知が来ない) is the customer's own summary of
    /// the complaint: its words weigh `IssueFeatureWeight.reviewTitle` instead (`ReviewTitle`).
    /// `wordsOnly`: only `words` is filled (what the report counts of a text it does not
    /// group): no scalar copy of the text, no sentences, no weights and no phrases.
    public func issueFeatures(of classification: Classification, text: String, subjectLength: Int = 0, wordsOnly: Bool = false) throws -> IssueFeatures {
        var tokens: [Token] = []
        try analyzer.wordTokens(into: &tokens)
        if wordsOnly { return IssueFeatures(weights: FeatureWeights(), words: words(wordRuns(SentenceIndex(), tokens: tokens))) }
        let scalars = Array(text.unicodeScalars)
        let sentences = SentenceIndex(scalars)
        let vocabulary = issueVocabulary
        let problems = Self.problemEvidence(classification).filter { !vocabulary.grammaticalEntries.contains($0.entry) && $0.namesSomething }
        var problemSentences = Set<Int>()
        for e in problems { problemSentences.insert(sentences.sentence(at: e.start)) }
        let wordRuns = wordRuns(sentences, tokens: tokens)
        let runs = wordRuns.runs
        let units = analyzer.normalizedUnits
        var out = IssueFeatures()
        // Words (each once, in order) and features are told apart by their bytes (see `NameTable`).
        var words = NameTable(capacity: 32)
        var sum = FeatureWeightSum()
        func add(_ feature: String, _ weight: Double) { sum.add(feature, weight) }
        func addWord(_ word: String) { _ = words.insert(word) }

        let isTitle = ReviewTitle.isTitle(scalars, subjectLength: subjectLength)
        let subjectWeight = isTitle ? IssueFeatureWeight.reviewTitle : IssueFeatureWeight.subject
        for (r, run) in runs.enumerated() {
            let sentenceWeight = (problemSentences.isEmpty || problemSentences.contains(run.sentence)
                ? 1.0 : IssueFeatureWeight.offProblemSentence) * (run.scalarStart < subjectLength ? subjectWeight : 1)
            if run.isCounter {
                add("n:" + wordRuns.words[r], IssueFeatureWeight.wordPart * sentenceWeight)
                continue
            }
            if run.isWord {
                add("w:" + (vocabulary.canonicalUnits.value(units, run.unitRange) ?? wordRuns.words[r]), IssueFeatureWeight.word * sentenceWeight)
                addWord(wordRuns.words[r])
            }
            guard run.partCount > 1 else { continue }
            for k in 0..<run.partCount {
                let part = wordRuns.part(run, k)
                guard Self.isWord(units, part) && !vocabulary.stopwordUnits.contains(units, part) else { continue }
                let word = vocabulary.canonicalUnits.value(units, part) ?? UTF16Text.string(UnsafeBufferPointer(rebasing: units[part]))
                add("w:" + word, IssueFeatureWeight.wordPart * sentenceWeight)
            }
        }
        for code in Self.codes(inUnits: analyzer.normalizedUnits) {
            add("code:" + code, IssueFeatureWeight.code)
            addWord(code)
        }
        // Problem phrases and the words they are about.
        let signalEntries = Set(classification.signals.flatMap { $0.evidence.map(\.entry) })
        for e in problems {
            let inSubject = e.start < subjectLength
            let scale = inSubject ? IssueFeatureWeight.subject : 1
            let sentence = sentences.sentence(at: e.start)
            let range = sentences.range(of: sentence)
            // The nearest word run that ends just before the phrase (only particles between);
            // runs are in text order.
            let about = runs.lastIndex { r in
                r.sentence == sentence && r.scalarEnd <= e.start + 1 && e.start - r.scalarEnd <= IssueFeatureWeight.argumentGap
                    && r.scalarStart < e.start && r.isWord
                    && !scalars[min(r.scalarEnd, e.start)..<e.start].contains { "】」』）)]".unicodeScalars.contains($0) }
            }
            if vocabulary.verdictEntries.contains(e.entry) {
                // A verdict: only the word it is about counts (部屋が残念 → 部屋).
                if let about { add("w:" + vocabulary.canonical(wordRuns.words[about]), IssueFeatureWeight.focusWord * scale) }
                continue
            }
            let problem = vocabulary.problem(e.entry)
            let predicate = "p:" + problem
            add(predicate, IssueFeatureWeight.predicate * scale)
            if let a = about {
                let about = runs[a]
                let word = vocabulary.canonical(wordRuns.words[a])
                let feature = "a:" + word + ">" + problem
                add(feature, IssueFeatureWeight.argument * scale)
                add("w:" + word, IssueFeatureWeight.focusWord * scale)
                if inSubject { continue }
                let end = Self.predicateEnd(scalars, after: max(e.end, about.scalarEnd), limit: range.upperBound)
                let phrase = Self.string(scalars[about.scalarStart..<end])
                out.phrases.append(IssuePhrase(
                    feature: feature, problem: predicate, text: phrase, sentenceStart: range.lowerBound,
                    sentenceEnd: range.upperBound, isSignal: signalEntries.contains(e.entry), hasWord: true))
            } else if !inSubject {
                // Worded from the nearest word before it in the sentence, if one is close.
                let lead = runs.lastIndex { r in
                    r.sentence == sentence && r.scalarEnd <= e.start && e.start - r.scalarEnd <= IssueFeatureWeight.wordingGap
                        && r.isWord
                        && !scalars[r.scalarEnd..<e.start].contains { "】」』）)]、，,".unicodeScalars.contains($0) }
                }
                let start = lead.map { runs[$0].scalarStart } ?? e.start
                let end = Self.predicateEnd(scalars, after: e.end, limit: range.upperBound)
                out.phrases.append(IssuePhrase(
                    feature: predicate, problem: predicate, text: Self.string(scalars[start..<end]),
                    sentenceStart: range.lowerBound, sentenceEnd: range.upperBound, isSignal: signalEntries.contains(e.entry),
                    hasWord: lead != nil || runs.contains { r in
                        // A word inside the match that a predicate follows (返金|が遅い), not the
                        // match itself (エラー).
                        r.isWord && r.scalarStart >= e.start && r.scalarEnd < e.end
                            && !scalars[r.scalarEnd..<e.end].allSatisfy { Self.isHiragana($0.value) }
                    }))
            }
        }
        // Signals say what kind of complaint a text is, not what it is about: a text that names
        // nothing (微妙でした, がっかり) gets no features and joins no issue.
        if !sum.isEmpty {
            for s in classification.signals { add("signal:" + s.id, IssueFeatureWeight.signal) }
        }
        out.weights = sum.result
        out.words = words.names
        return out
    }

    /// The whole words of `runs` and the codes of the text last classified, each once, in
    /// order: `issueFeatures`' `words` without its weights.
    func words(_ runs: WordRuns) -> [String] {
        var words = NameTable(capacity: 32)
        for (r, run) in runs.runs.enumerated() where run.isWord { _ = words.insert(runs.words[r]) }
        for code in Self.codes(inUnits: analyzer.normalizedUnits) { _ = words.insert(code) }
        return words.names
    }

    /// Evidence of what is wrong or wanted: negative polarity, dissatisfaction signals and
    /// feature requests (not questions or procedure requests: asking is no problem), in text
    /// order, each span once.
    static func problemEvidence(_ c: Classification) -> [Evidence] {
        var all = c.evidence.filter { $0.contribution < 0 }
        for s in c.signals where s.family == .dissatisfaction || s.id == "feature_request" { all += s.evidence }
        // Sorted, equal spans are neighbours: the first of each is kept.
        let sorted = all.sorted { ($0.start, $0.end, $0.entry) < ($1.start, $1.end, $1.entry) }
        return sorted.indices.filter { k in
            k == 0 || (sorted[k].start, sorted[k].end, sorted[k].entry) != (sorted[k - 1].start, sorted[k - 1].end, sorted[k - 1].entry)
        }.map { sorted[$0] }
    }

    /// The tokenizer splits a kanji numeral from its counter (三|日, 何|回) so that patterns
    /// match them like 3|日; for grouping they stay the word ICU's dictionary made of them.
    static func numeralsRejoined(_ tokens: [Token], _ units: UnsafeBufferPointer<UInt16>) -> [Token] {
        guard tokens.contains(where: { $0.kind == .number && Kanji.isNumeral(units[Int($0.start)]) }) else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            if t.kind == .number && Kanji.isNumeral(units[Int(t.start)]) && k + 1 < tokens.count
                && tokens[k + 1].kind == .ideo && tokens[k + 1].start == t.end {
                out.append(Token(start: t.start, end: tokens[k + 1].end, kind: .ideo))
                k += 2
            } else {
                out.append(t)
                k += 1
            }
        }
        return out
    }

    /// Maximal runs of adjacent content tokens (kanji words, katakana, Latin letters): the
    /// compound nouns of the text. A kanji word ending in kana (文字化け, 落ちる) stands alone;
    /// one kanji followed by kana that is no particle is a verb stem (届|か, 待|って) and
    /// belongs to no word. `tokens`: the text's tokens, from `TextAnalyzer.wordTokens`.
    func wordRuns(_ sentences: SentenceIndex, tokens: [Token]) -> WordRuns {
        let units = analyzer.normalizedUnits
        let tokens = Self.numeralsRejoined(tokens, units)
        let vocabulary = issueVocabulary
        var out = WordRuns()
        // The run being built: its bounds are the last of `out.bounds`.
        var current: WordRun?
        /// A run is complete: whether it is a word worth a feature, and its string if it is one
        /// or a counter (no other run's string is read).
        func finish(_ run: WordRun) {
            var run = run
            let range = run.unitRange
            run.isWord = !run.isCounter && Self.isWord(units, range) && !vocabulary.stopwordUnits.contains(units, range)
            out.runs.append(run)
            out.words.append(run.isWord || run.isCounter ? UTF16Text.string(UnsafeBufferPointer(rebasing: units[range])) : "")
        }
        func close() {
            if let run = current { finish(run) }
            current = nil
        }
        for (k, token) in tokens.enumerated() {
            let first = units[Int(token.start)], last = units[Int(token.end) - 1]
            let isKatakana = token.kind == .kana && (0x30A0...0x30FF).contains(first)
            let isContent = token.kind == .ideo || token.kind == .letter || isKatakana
            guard isContent else { close(); continue }
            let text = Int(token.start)..<Int(token.end)
            /// The token as a run of its own, in scalar offsets of the original text.
            func newRun(isCounter: Bool = false) -> WordRun {
                let start = Int(analyzer.scalarOffset(analyzer.originalStart(token.start)))
                out.bounds.append(token.start)
                out.bounds.append(token.end)
                return WordRun(
                    boundsStart: Int32(out.bounds.count - 2), boundsEnd: Int32(out.bounds.count), start: token.start,
                    end: token.end, scalarStart: start, scalarEnd: Int(analyzer.scalarOffset(analyzer.originalEnd(token.end))),
                    sentence: sentences.sentence(at: start), isCounter: isCounter)
            }
            // One or two kanji right after a number are its counter (3日, 2件, 2週間): a count
            // is no word, but how long or how often something happened is a weak feature.
            if token.kind == .ideo && token.end - token.start <= 2 && k > 0
                && tokens[k - 1].kind == .number && tokens[k - 1].end == token.start {
                close()
                finish(newRun(isCounter: true))
                continue
            }
            // Generic words (stopwords: 一度, 本当(に), 毎回 …) end a compound and join none.
            // The word without its trailing hiragana (okurigana, particles glued on).
            var stemEnd = token.end
            while stemEnd > token.start && Self.isHiragana(UInt32(units[Int(stemEnd) - 1])) { stemEnd -= 1 }
            if vocabulary.stopwordUnits.contains(units, text)
                || stemEnd != token.end && vocabulary.stopwordUnits.contains(units, Int(token.start)..<Int(stemEnd)) {
                close()
                continue
            }
            if token.kind == .ideo && token.end - token.start == 1, k + 1 < tokens.count, tokens[k + 1].start == token.end {
                let next = units[Int(tokens[k + 1].start)]
                if Self.isHiragana(UInt32(next)) && !Self.particles.contains(next) { close(); continue }
            }
            let endsInKana = token.kind == .ideo && Self.isHiragana(UInt32(last))
            // A kanji word with kana at its end is a noun only with two kanji or more
            // (文字化け, 払い戻し); else a verb or adjective (出し, 教え, 無し).
            if endsInKana && Self.kanjiCount(units[Int(token.start)..<Int(token.end)]) < 2
                && !vocabulary.canonicalUnits.contains(units, text) {
                close()
                continue
            }
            if endsInKana { close() }
            if var run = current, run.end == token.start {
                out.bounds.append(token.end)
                run.boundsEnd += 1
                run.end = token.end
                run.scalarEnd = Int(analyzer.scalarOffset(analyzer.originalEnd(token.end)))
                current = run
            } else {
                close()
                current = newRun()
            }
            if endsInKana { close() }
        }
        close()
        return out
    }

    /// The string of `scalars`, encoded at once (appending scalar by scalar is slow).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 4)
        for s in scalars { UTF8.encode(s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isHiragana(_ v: UInt32) -> Bool { (0x3041...0x309F).contains(v) }

    static func kanjiCount(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> Int {
        units.filter { (0x4E00...0x9FFF).contains($0) || $0 == 0x3005 }.count
    }

    /// Where the predicate ending at `end` really ends: a match may stop at a stem
    /// (合わ|ない, 合い|ません), so the longest inflection ending that follows is taken.
    static func predicateEnd(_ scalars: [Unicode.Scalar], after end: Int, limit: Int) -> Int {
        for ending in inflectionEndings {
            let e = end + ending.count
            if e <= limit && scalars[end..<e].elementsEqual(ending) { return e }
        }
        return end
    }

    /// Endings of a predicate, longest first.
    static let inflectionEndings: [[Unicode.Scalar]] = [
        "ませんでした", "ていません", "なかった", "ぎます", "ぎる", "ていない", "ています", "ている", "ません", "ました", "ない", "ます", "した", "する", "ず", "す", "る", "た",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Hiragana that start a particle after a noun (が を は に の で も と へ や).
    static let particles: Set<UInt16> = Set("がをはにのでもとへや".utf16)

    /// A word worth a feature: two or more scalars, not only digits or one repeated mark.
    static func isWord(_ word: String) -> Bool {
        let s = word.unicodeScalars
        guard s.count >= 2 else { return false }
        return s.contains { !("0"..."9").contains($0) && $0 != "ー" }
    }

    /// `isWord` of the normalised text `units[range]`, read from its code units: two or more
    /// scalars, one of them neither a digit nor ー.
    static func isWord(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var scalars = 0
        var other = false
        for k in range {
            let u = units[k]
            // A low surrogate after a high one ends a scalar already counted.
            if !(u & 0xFC00 == 0xDC00 && k > range.lowerBound && units[k - 1] & 0xFC00 == 0xD800) { scalars += 1 }
            if !(0x30...0x39).contains(u) && u != 0x30FC { other = true }
        }
        return scalars >= 2 && other
    }
}

/// A compound word: adjacent content tokens of one sentence. Plain values only (its token
/// bounds and its string are kept in `WordRuns`), so runs are copied without reference counting.
struct WordRun {
    /// Where the run's bounds are in `WordRuns.bounds`.
    var boundsStart: Int32
    var boundsEnd: Int32
    /// Normalised UTF-16 offsets of the run's start and of its last token's end.
    let start: Int32
    var end: Int32
    let scalarStart: Int
    var scalarEnd: Int
    let sentence: Int
    /// A counter after a number (件 of 2件, 週間 of 2週間): a feature of its own, never a word.
    var isCounter = false
    /// Set once the run is complete (`Classifier.wordRuns`): whether it is a word worth a
    /// feature (no counter, `Classifier.isWord`, no stopword).
    var isWord = false

    var unitRange: Range<Int> { Int(start)..<Int(end) }
    var partCount: Int { Int(boundsEnd - boundsStart) - 1 }
}

/// The word runs of a text, in text order, with what they refer to.
struct WordRuns {
    var runs: [WordRun] = []
    /// Normalised UTF-16 offsets where each token of a run starts, then where its last ends,
    /// run after run (`WordRun.boundsStart..<boundsEnd`).
    var bounds: [Int32] = []
    /// By run: its tokens as one string when it is a word or a counter, else "".
    var words: [String] = []

    /// The `k`th token of `run`, in normalised UTF-16 units.
    func part(_ run: WordRun, _ k: Int) -> Range<Int> {
        let b = Int(run.boundsStart) + k
        return Int(bounds[b])..<Int(bounds[b + 1])
    }
}

/// Sentence boundaries of a text (after 。！？!? and line breaks), by scalar offset.
struct SentenceIndex {
    /// Start offset of each sentence; the first is 0.
    private var starts: [Int] = [0]
    private let count: Int

    /// No sentence boundary: every offset is in sentence 0 (when sentences do not matter).
    init() { count = 0 }

    init(_ scalars: [Unicode.Scalar]) {
        count = scalars.count
        for (i, s) in scalars.enumerated() where Self.endsSentence(s) && i + 1 < scalars.count {
            if starts.last != i + 1 { starts.append(i + 1) }
        }
    }

    /// 。！？!? line feed ．
    private static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A, 0xFF0E: true
        default: false
        }
    }

    /// The index of the sentence holding offset `i`.
    func sentence(at i: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func range(of sentence: Int) -> Range<Int> {
        starts[sentence]..<(sentence + 1 < starts.count ? starts[sentence + 1] : count)
    }
}
