/// Expands a parsed `Pattern` into the literal strings the matcher indexes: alternatives and
/// optional parts multiply, word classes are inlined, `<num>` becomes the number shapes,
/// `<neg>` / `<cannot>` conjugate what precedes them. Gaps split the result into segments,
/// matched separately and chained within a sentence (`LexiconMatcher`).
public struct PatternExpander: Sendable {
    /// The expansion of one pattern: `segments[k]` are the strings of part k; part k and k+1
    /// may be up to `gaps[k]` characters apart, and a gap of 0 joins them (part k+1 starts
    /// where part k ends, as if the two were multiplied out).
    public struct Expansion: Sendable, Equatable {
        public var segments: [[String]]
        public var gaps: [Int]
        public var count: Int { segments.reduce(0) { $0 + $1.count } }
    }

    /// Word classes by name.
    public let classes: [String: WordClass]
    /// The class of a `<neg>` word when the line's inflection column names one.
    public let negationClass: Inflection?

    public init(classes: [String: WordClass], negationClass: Inflection? = nil) {
        self.classes = classes
        self.negationClass = negationClass
    }

    static let warningLimit = 2_000
    static let errorLimit = 20_000

    /// Number shapes once digits are folded to 0 (the trie folds every digit the same way),
    /// and kanji numerals.
    static let numberForms: [String] = {
        let digits = ["0", "00", "000", "0000", "0,000", "00,000", "0.0", "00.0"]
        let kanji = Array("一二三四五六七八九").map(String.init)
        let tens = kanji.map { $0 + "十" } + kanji.map { "十" + $0 }
        return digits + kanji + ["十", "百", "千", "数", "何", "両", "十数", "数十", "何十", "数百", "何百", "何千"] + tens
    }()

    public func expand(_ pattern: Pattern) throws(PatternError) -> Expansion {
        var segments: [[String]] = []
        var gaps: [Int] = []
        var current = [""]
        let nodes = pattern.nodes
        for (i, node) in nodes.enumerated() {
            var visiting: Set<String> = []
            if case let .gap(reach) = node {
                segments.append(current)
                gaps.append(reach)
                current = [""]
                continue
            }
            let nextIsNegation: Bool
            if i + 1 < nodes.count, case .negation = nodes[i + 1] { nextIsNegation = true } else { nextIsNegation = false }
            if case .negation = node {
                current = try apply(node, to: current, visiting: &visiting)
                continue
            }
            // Multiplying out two large sets of alternatives costs keys and startup time for
            // nothing: past a threshold the part so far is joined to the rest (gap 0), and the
            // matcher chains the two matches where one ends and the other starts.
            let alone = try apply(node, to: [""], visiting: &visiting)
            // The word before a negation multiplies by its negative forms; it may start a part
            // only if it can be negated on its own (a whole word, not a kana ending).
            var grows = alone.count
            if nextIsNegation {
                var inner: Set<String> = []
                grows = (try? apply(nodes[i + 1], to: alone, visiting: &inner).count) ?? 0
            }
            if current.count * grows > PatternExpander.joinThreshold, grows > 1, current.allSatisfy({ $0.count >= 2 }) {
                segments.append(current)
                gaps.append(0)
                current = alone
            } else {
                current = current.flatMap { p in alone.map { p + $0 } }
                try check(current.count)
            }
        }
        segments.append(current)
        // A joined part whose strings may be very short (が) would match everywhere: such a
        // part is multiplied back into the part before it.
        var k = 1
        while k < segments.count {
            if gaps[k - 1] == 0 && segments[k].contains(where: { $0.count < 2 }) {
                segments[k - 1] = segments[k - 1].flatMap { p in segments[k].map { p + $0 } }
                try check(segments[k - 1].count)
                segments.remove(at: k)
                gaps.remove(at: k - 1)
            } else {
                k += 1
            }
        }
        // Duplicates (two alternatives alike) stay: the compiled lexicon indexes each key once.
        for (k, segment) in segments.enumerated() {
            segments[k] = segment.filter { !$0.isEmpty }
            if segments[k].isEmpty {
                throw PatternError(column: 1, message: "part \(k + 1) of the pattern can be empty (a gap needs text on each side)")
            }
        }
        return Expansion(segments: segments, gaps: gaps)
    }

    /// Above this many strings, a part is joined to the next one instead of multiplied out.
    static let joinThreshold = 48

    private func apply(_ node: Pattern.Node, to prefixes: [String], visiting: inout Set<String>) throws(PatternError) -> [String] {
        switch node {
        case let .literal(text):
            return prefixes.map { $0 + text }
        case let .choice(alternatives):
            var out: [String] = []
            for alternative in alternatives {
                var strings = prefixes
                for n in alternative { strings = try apply(n, to: strings, visiting: &visiting) }
                out += strings
                try check(out.count)
            }
            return out
        case let .wordClass(name, column):
            guard let wordClass = classes[name] else {
                throw PatternError(column: column, message: "unknown word class '@\(name)' (not defined in classes/*.tsv)")
            }
            guard visiting.insert(name).inserted else {
                throw PatternError(column: column, message: "word class '@\(name)' refers to itself")
            }
            defer { visiting.remove(name) }
            var strings = prefixes
            for n in wordClass.pattern.nodes {
                do {
                    strings = try apply(n, to: strings, visiting: &visiting)
                } catch {
                    throw PatternError(column: column, message: "in @\(name) (\(wordClass.location)): \(error.message)")
                }
            }
            return strings
        case .number:
            let out = prefixes.flatMap { p in PatternExpander.numberForms.map { p + $0 } }
            try check(out.count)
            return out
        case let .negation(op, column):
            var out: [String] = []
            for p in prefixes {
                switch Negation.forms(of: p, op, as: negationClass) {
                case let .success(forms): out += forms
                case let .failure(.needsClass(word)):
                    throw PatternError(column: column, message: "cannot tell how '\(word)' conjugates: put v1 or v5 in the inflection column")
                case let .failure(.expectedEnding(ending)):
                    throw PatternError(column: column, message: "'\(p)' does not fit the inflection column: expected it to end in \(ending)")
                }
                if op == .cannot && out.isEmpty {
                    throw PatternError(column: column, message: "<cannot> needs a verb ('\(p)' is not one)")
                }
            }
            try check(out.count)
            return out
        case .gap:
            throw PatternError(column: 1, message: "a gap '…' may only stand at the top level of a pattern")
        }
    }

    private func check(_ count: Int) throws(PatternError) {
        if count > PatternExpander.errorLimit {
            throw PatternError(column: 1, message: "the pattern expands to more than \(PatternExpander.errorLimit) strings; split it into several lines")
        }
    }
}

/// A word class: `@name <TAB> body` in `classes/*.tsv`.
public struct WordClass: Sendable {
    public let name: String
    public let pattern: Pattern
    public let location: SourceLocation
}

