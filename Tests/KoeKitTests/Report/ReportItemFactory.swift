import Testing
@testable import KoeKit

/// Hand-made report items: stance, signals and issue features are set directly, so a builder
/// test states its figures from the fixture alone (no lexicon, no tokenizer in between).
/// Items with the same `issue` words have identical feature vectors and group together;
/// different words never do.
enum ReportItemFactory {
    static let report = ISOWeek("2026-W47")!

    /// A Wednesday `weeksBefore` weeks before the report week.
    static func date(weeksBefore: Int = 0, weekday: Int = 3) -> CivilDate {
        report.adding(weeks: -weeksBefore).monday.adding(days: weekday - 1)
    }

    struct Signal {
        var id: String
        var strength = 1.0
        var conditional = false
        /// Scalar offsets of the evidence in the item's text (nil: the whole text).
        var span: Range<Int>?
    }

    static func item(
        _ key: String, weeksBefore: Int = 0, weekday: Int = 3, stance: Stance = .dissatisfaction,
        dominant: Stance? = nil, signals: [Signal] = [], issue: [String] = [], account: String? = nil,
        text: String? = nil, rating: String? = nil
    ) -> ReportItem {
        let text = text ?? "\(key)のテキスト"
        let length = text.unicodeScalars.count
        let results = signals.map { s in
            let span = s.span ?? 0..<length
            let quoted = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(span.lowerBound).prefix(span.count)))
            return SignalResult(
                id: s.id, family: .dissatisfaction, strength: s.strength, conditional: s.conditional,
                evidence: [Evidence(text: quoted, start: span.lowerBound, end: span.upperBound, entry: "test.tsv:1",
                                    pattern: quoted, contribution: -s.strength, rules: [])])
        }
        let classification = Classification(
            stance: stance, dominant: dominant ?? (stance == .neutral ? nil : stance), score: stance == .success ? 1 : -1,
            positive: 0, negative: 0, signals: results, topic: "general", evidence: [])
        let features = IssueFeatures(weights: Dictionary(uniqueKeysWithValues: issue.map { ($0, 1.0) }), words: issue)
        return ReportItem(
            key: key, date: date(weeksBefore: weeksBefore, weekday: weekday), channel: "email", account: account,
            plan: nil, text: text, classification: classification, features: features, rating: RatingReading(rating))
    }

    /// `count` items of one issue in a week, keys `prefix-w<weeksBefore>-<n>`.
    static func issue(_ words: [String], count: Int, weeksBefore: Int = 0, prefix: String) -> [ReportItem] {
        (0..<count).map { item("\(prefix)-w\(weeksBefore)-\($0)", weeksBefore: weeksBefore, issue: words) }
    }

    /// A lexicon that declares the signals these tests use.
    static func lexicon() throws -> Lexicon {
        let signals = """
            churn_intent\tdissatisfaction\t解約意向\trisk
            competitor_switch\tdissatisfaction\t他社乗り換え\trisk
            feature_request\taction\t機能要望\trequest
            high_effort\tdissatisfaction\t顧客負担\teffort
            """
        let (lexicon, diagnostics) = try TemporaryLexicon.load([["signals.tsv": signals + "\n"]])
        precondition(!diagnostics.contains { $0.severity == .error }, "test lexicon: \(diagnostics)")
        return lexicon
    }

    static func builder(week: ISOWeek? = report) throws -> ReportBuilder {
        var options = ReportOptions()
        options.week = week
        return ReportBuilder(options: options, lexicon: try lexicon())
    }

    static func build(_ items: [ReportItem], week: ISOWeek? = report, ratingScale: RatingScaleChoice = .auto) throws -> WeeklyReport {
        var builder = try builder(week: week)
        if ratingScale != .auto {
            var options = builder.options
            options.ratingScale = ratingScale
            builder = ReportBuilder(options: options, lexicon: try lexicon())
        }
        let prepared = try #require(builder.prepare(items: items, recordsRead: items.count, skipped: [:]))
        return builder.assemble(prepared)
    }
}
