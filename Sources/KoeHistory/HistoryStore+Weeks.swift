import GRDB
import KoeKit

/// Per-week aggregates: read for baselines and week-over-week figures, listed and dropped by
/// `koe history`.
extension HistoryStore {
    /// At most `limit` stored weeks strictly before `week`, oldest first.
    public func aggregates(before week: String, limit: Int) throws -> [WeekAggregate] {
        let week = try Self.normalized(week)
        return try read { db in
            let weeks = try String.fetchAll(
                db, sql: "SELECT week FROM weeks WHERE week < ? ORDER BY week DESC LIMIT ?",
                arguments: [week, max(0, limit)])
            return try weeks.reversed().compactMap { try Self.loadAggregate(db, week: $0) }
        }
    }

    public func aggregate(for week: String) throws -> WeekAggregate? {
        let week = try Self.normalized(week)
        return try read { db in try Self.loadAggregate(db, week: week) }
    }

    /// Stored weeks, oldest first: items, tracked clusters (issues and feature requests) and how
    /// many times the week was saved.
    public func weeks() throws -> [(week: String, total: Int, issues: Int, savedRuns: Int?)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT w.week, w.total, w.saved_runs,
                       (SELECT COUNT(*) FROM week_counts c
                        WHERE c.week = w.week AND c.facet IN ('issue', 'feature_request')) AS issues
                FROM weeks w ORDER BY w.week
                """)
            return try rows.map { row in
                (week: try row.decode(String.self, forColumn: "week"),
                 total: try row.decode(Int.self, forColumn: "total"),
                 issues: try row.decode(Int.self, forColumn: "issues"),
                 savedRuns: try row.decode(Int?.self, forColumn: "saved_runs"))
            }
        }
    }

    /// Removes the week and everything stored for it; issues seen only in that week go too
    /// (their ids are not reused). Returns false when the week was not stored.
    @discardableResult
    public func drop(week: String) throws -> Bool {
        let week = try Self.normalized(week)
        return try write { db in
            try db.execute(sql: "DELETE FROM weeks WHERE week = ?", arguments: [week])
            let dropped = db.changesCount > 0
            try Self.deleteOrphanIssues(db)
            return dropped
        }
    }

    // MARK: - Rows

    /// Nil when the week is not stored, or its name is no ISO week (only a hand-edited file
    /// has one).
    static func loadAggregate(_ db: Database, week name: String) throws -> WeekAggregate? {
        guard let week = ISOWeek(name) else { return nil }
        guard let row = try Row.fetchOne(
            db, sql: "SELECT total, mixed_dissatisfaction, mixed_success FROM weeks WHERE week = ?",
            arguments: [name])
        else { return nil }
        var aggregate = WeekAggregate(week: week)
        aggregate.total = try row.decode(forColumn: "total")
        aggregate.mixedDissatisfaction = try row.decode(forColumn: "mixed_dissatisfaction")
        aggregate.mixedSuccess = try row.decode(forColumn: "mixed_success")
        let counts = try Row.fetchAll(
            db, sql: "SELECT facet, key, count FROM week_counts WHERE week = ?", arguments: [name])
        for count in counts {
            // A facet written by a newer koe is skipped, not an error.
            guard let facet = WeekFacet(rawValue: try count.decode(forColumn: "facet")) else { continue }
            aggregate[keyPath: facet.keyPath][try count.decode(forColumn: "key")] = try count.decode(forColumn: "count")
        }
        aggregate.riskAccounts = try String.fetchAll(
            db, sql: "SELECT account FROM week_risk_accounts WHERE week = ? ORDER BY position", arguments: [name])
        return aggregate
    }

    static func insertAggregate(_ db: Database, _ aggregate: WeekAggregate, savedRuns: Int) throws {
        let week = aggregate.week.description
        try db.execute(
            sql: """
                INSERT INTO weeks (week, total, mixed_dissatisfaction, mixed_success, saved_runs)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [aggregate.week.description, aggregate.total, aggregate.mixedDissatisfaction, aggregate.mixedSuccess, savedRuns])
        let count = try db.cachedStatement(sql: "INSERT INTO week_counts (week, facet, key, count) VALUES (?, ?, ?, ?)")
        for facet in WeekFacet.allCases {
            for (key, value) in aggregate[keyPath: facet.keyPath].sorted(by: { $0.key < $1.key }) {
                try count.execute(arguments: [week, facet.rawValue, key, value])
            }
        }
        let account = try db.cachedStatement(sql: "INSERT INTO week_risk_accounts (week, position, account) VALUES (?, ?, ?)")
        for (position, name) in aggregate.riskAccounts.enumerated() {
            try account.execute(arguments: [week, position, name])
        }
    }

    static func deleteOrphanIssues(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM issues WHERE NOT EXISTS (SELECT 1 FROM issue_weeks WHERE issue_weeks.issue_id = issues.id)
            """)
    }
}

/// The dictionaries of `WeekAggregate`, one `facet` value each in `week_counts`.
enum WeekFacet: String, CaseIterable {
    case channel, stance, signal, term, issue
    case featureRequest = "feature_request"
    /// Ratings by value (`0`…`10`, `unreadable`).
    case rating

    var keyPath: WritableKeyPath<WeekAggregate, [String: Int]> {
        switch self {
        case .channel: \.byChannel
        case .stance: \.stanceFacet
        case .signal: \.signals
        case .term: \.terms
        case .issue: \.issues
        case .featureRequest: \.featureRequests
        case .rating: \.ratingFacet
        }
    }
}
