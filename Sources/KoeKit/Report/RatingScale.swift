/// A rating scale and the bands the report counts on it: NPS (0–10; detractors 0–6,
/// promoters 9–10) or a five-point scale of stars or CSAT (1–5; low 1–2, satisfied 4–5).
public struct RatingScale: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case nps, five
    }

    public var kind: Kind
    public var minimum: Int
    public var maximum: Int
    /// Values up to this one are low ratings (NPS: detractors).
    public var lowMaximum: Int
    /// Values from this one on are high ratings (NPS: promoters; five-point: CSAT).
    public var highMinimum: Int

    public static let nps = RatingScale(kind: .nps, minimum: 0, maximum: 10, lowMaximum: 6, highMinimum: 9)
    public static let five = RatingScale(kind: .five, minimum: 1, maximum: 5, lowMaximum: 2, highMinimum: 4)

    public static func of(_ kind: Kind) -> RatingScale { kind == .nps ? .nps : .five }

    public func contains(_ value: Int) -> Bool { value >= minimum && value <= maximum }

    /// The scale the values suggest, nil when none was readable: NPS when a value is 0 or
    /// above 5, or more values are written out of 10 (`9/10`) than out of 5; else five-point.
    /// A survey on 0–10 whose answers all happen to be 1–5 reads as five-point: the guess is
    /// announced, and `--rating-scale` overrides it.
    public static func detect(_ counts: RatingCounts) -> RatingScale? {
        guard counts.readable > 0 else { return nil }
        let beyondFive = counts.byValue[0] + counts.byValue[6...].reduce(0, +)
        return beyondFive > 0 || counts.outOfTen > counts.outOfFive ? .nps : .five
    }
}

/// How the report picks the rating scale (`koe report --rating-scale`).
public enum RatingScaleChoice: String, Sendable, CaseIterable {
    /// Detected from the values (`RatingScale.detect`).
    case auto
    case nps
    case five

    public var fixed: RatingScale? {
        switch self {
        case .auto: nil
        case .nps: .nps
        case .five: .five
        }
    }
}
