/// Ratings counted by value, the scale not yet applied: what a week (and the whole input)
/// keeps of its ratings, a dozen integers whatever the number of tickets.
public struct RatingCounts: Codable, Sendable, Equatable {
    /// Tickets per value 0…10.
    public var byValue: [Int]
    /// Values present but not readable as an integer from 0 to 10.
    public var unreadable: Int
    /// Values written out of 10 (`9/10`) or out of 5 (`4/5`, `★★★★☆`): hints for detection.
    public var outOfTen: Int
    public var outOfFive: Int

    public init() {
        byValue = Array(repeating: 0, count: RatingReading.largest + 1)
        unreadable = 0
        outOfTen = 0
        outOfFive = 0
    }

    public var readable: Int { byValue.reduce(0, +) }
    public var isEmpty: Bool { readable == 0 && unreadable == 0 }

    public mutating func add(_ reading: RatingReading?) {
        switch reading {
        case nil: break
        case .unreadable: unreadable += 1
        case let .value(n, outOf):
            byValue[n] += 1
            if outOf == 10 { outOfTen += 1 } else if outOf == 5 { outOfFive += 1 }
        }
    }

    public static func + (a: RatingCounts, b: RatingCounts) -> RatingCounts {
        var out = a
        for i in out.byValue.indices { out.byValue[i] += b.byValue[i] }
        out.unreadable += b.unreadable
        out.outOfTen += b.outOfTen
        out.outOfFive += b.outOfFive
        return out
    }

    /// `a` without the tickets of `b` (a part of it), value by value.
    public static func - (a: RatingCounts, b: RatingCounts) -> RatingCounts {
        var out = a
        for i in out.byValue.indices { out.byValue[i] -= b.byValue[i] }
        out.unreadable -= b.unreadable
        out.outOfTen -= b.outOfTen
        out.outOfFive -= b.outOfFive
        return out
    }

    /// As the history stores a week's counts (`week_counts`, facet `rating`): one key per
    /// value seen (`0`…`10`) and `unreadable`; hints are not stored.
    public var facet: [String: Int] {
        get {
            var out: [String: Int] = [:]
            for (value, n) in byValue.enumerated() where n > 0 { out[String(value)] = n }
            if unreadable > 0 { out["unreadable"] = unreadable }
            return out
        }
        set {
            self = RatingCounts()
            for (key, n) in newValue {
                if key == "unreadable" {
                    unreadable += n
                } else if let value = Int(key), byValue.indices.contains(value) {
                    byValue[value] += n
                }
            }
        }
    }
}
