extension WeeklyReport {
    /// The rating section (`ratings` in JSON), present only when the input has ratings
    /// (`--rating-column`). NPS (0–10): the score is % promoters (9–10) − % detractors (0–6),
    /// in points; five-point (1–5): the score is CSAT, the % of 4–5, beside the mean and the
    /// share of low ratings (1–2). Every figure keeps its counts.
    public struct Ratings: Codable, Sendable, Equatable {
        /// nil when no value of the input could be read as a rating (the counts still show).
        public var scale: RatingScale?
        /// `detected` from the values or given by `option` (`--rating-scale`).
        public var scaleSource: String
        /// Over the whole input: values on the scale, values that are no rating, readable
        /// values outside the scale (a five-point scale given for values up to 10).
        public var inputRated: Int
        public var inputUnreadable: Int
        public var inputOutsideScale: Int
        public var week: RatingWeek
        /// Last week, nil when there is no such week in the data or history.
        public var previous: RatingWeek?
        /// Aligned with `Volume.weeks`, oldest first.
        public var weeks: [RatingWeek]
        /// Top issues with rated tickets this week, in the order of `topIssues`.
        public var issues: [IssueRating]
        /// The issues whose rated tickets, were they left out, would raise the week's score
        /// most, largest rise first.
        public var lowering: [ScoreLift]
    }

    /// Rated tickets and the scale's bands among them.
    public struct RatingFigures: Codable, Sendable, Equatable {
        /// Tickets with a rating on the scale.
        public var rated: Int
        /// Detractors (NPS 0–6) or low ratings (1–2), of `rated`.
        public var low: Share
        /// Promoters (NPS 9–10) or satisfied ratings (4–5: CSAT), of `rated`.
        public var high: Share
        /// Sum of the values: the mean is `sum / rated`.
        public var sum: Int
        /// NPS in points (−100…100) or CSAT in % (0…100); nil without a rated ticket.
        public var score: Double?
        public var mean: Double?
    }

    public struct RatingWeek: Codable, Sendable, Equatable {
        public var week: ISOWeek
        public var figures: RatingFigures
        public var unreadable: Int
        public var outsideScale: Int
    }

    public struct IssueRating: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        /// The issue's tickets this week, rated or not.
        public var count: Int
        public var figures: RatingFigures
    }

    public struct ScoreLift: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        /// The issue's rated tickets this week.
        public var issue: RatingFigures
        /// The week's rated tickets without the issue's.
        public var without: RatingFigures
        /// `without.score − week.score`, in points.
        public var lift: Double
    }
}
