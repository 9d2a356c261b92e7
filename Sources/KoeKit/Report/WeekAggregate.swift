/// What the report needs to remember about one ISO week: the figures of the week-over-week
/// comparisons and baselines. Computed from the week's classified items, or loaded from the
/// history store when the input holds only the report week. No ticket text, no ids.
public struct WeekAggregate: Codable, Sendable, Equatable {
    /// Encoded as its name, `2026-W47`.
    public var week: ISOWeek
    public var total: Int
    public var byChannel: [String: Int]
    /// Items per stance; encoded as an object keyed by the stance's name (`dissatisfaction`,
    /// `success`, `neutral`, `mixed`), as when the keys were strings.
    public var stances: [Stance: Int]
    /// Mixed items whose dominant side is dissatisfaction (counted as dissatisfied in rates).
    public var mixedDissatisfaction: Int
    public var mixedSuccess: Int
    /// Items carrying each signal.
    public var signals: [String: Int]
    /// Document frequency of content terms in the week (the most frequent few hundred).
    public var terms: [String: Int]
    /// Accounts (else customers) that showed churn-risk signals in the week.
    public var riskAccounts: [String]
    /// Recurring issues: issue id → items in the week.
    public var issues: [String: Int]
    public var featureRequests: [String: Int]
    /// Ratings by value (`--rating-column`), the scale applied only when the report is made.
    public var ratings: RatingCounts

    public init(week: ISOWeek) {
        self.week = week
        total = 0
        byChannel = [:]
        stances = [:]
        mixedDissatisfaction = 0
        mixedSuccess = 0
        signals = [:]
        terms = [:]
        riskAccounts = []
        issues = [:]
        featureRequests = [:]
        ratings = RatingCounts()
    }

    /// Dissatisfied items: dissatisfaction plus mixed leaning that way.
    public var dissatisfied: Int { stances[.dissatisfaction, default: 0] + mixedDissatisfaction }
    public var succeeded: Int { stances[.success, default: 0] + mixedSuccess }
    /// `stances` keyed by the stances' names, the form the history stores (a name that is no
    /// stance is dropped when read back).
    public var stanceFacet: [String: Int] {
        get { Dictionary(uniqueKeysWithValues: stances.map { ($0.key.rawValue, $0.value) }) }
        set { stances = Dictionary(newValue.compactMap { k, v in Stance(rawValue: k).map { ($0, v) } }, uniquingKeysWith: +) }
    }
    /// `ratings` as one dictionary, the form the history stores.
    public var ratingFacet: [String: Int] {
        get { ratings.facet }
        set { ratings.facet = newValue }
    }
}

/// A stance is stored and encoded by its name: `[Stance: Int]` encodes as the object a
/// `[String: Int]` of the names gives.
extension Stance: Codable, CodingKeyRepresentable {}
