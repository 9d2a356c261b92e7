import Foundation
import GRDB
import KoeKit

/// Issue identities across weeks: matching this week's clusters to stored issues, saving a
/// week with its issues, and listing issues for fading detection.
extension HistoryStore {
    /// Matches this week's clusters to stored issues and returns their ids, in the same order as
    /// `candidates`. Rule and thresholds: `IssueMatcher`. Unmatched candidates get new ids,
    /// numbered per kind prefix after the highest ever minted (`I0001`, `F0001`). Does not write.
    public func assignIdentities(_ candidates: [IssueCandidate], week: String) throws -> [IssueAssignment] {
        let week = try Self.normalized(week)
        return try read { db in try assign(db, candidates, week: week) }
    }

    /// Saves the week in one transaction, replacing whatever was stored for it (saving a week
    /// again never double counts): the aggregate, each issue's row for the week (count, label,
    /// terms) and its member record ids. When `issues` is not empty, the stored
    /// `aggregate.issues` / `featureRequests` are rebuilt from it, keyed by the assigned ids.
    /// Throws `identityConflict` if another run minted one of the new ids for another week
    /// since `assignIdentities`: `saveAssigning` cannot race that way.
    public func save(week aggregate: WeekAggregate, issues: [(assignment: IssueAssignment, candidate: IssueCandidate)]) throws {
        try write { db in try replace(db, aggregate, issues) }
    }

    /// `assignIdentities` and `save` in one write transaction, so concurrent runs cannot mint
    /// the same id twice. Returns the assignments, in the order of `candidates`.
    @discardableResult
    public func saveAssigning(week aggregate: WeekAggregate, candidates: [IssueCandidate]) throws -> [IssueAssignment] {
        try write { db in
            let assignments = try assign(db, candidates, week: aggregate.week.description)
            try replace(db, aggregate, Array(zip(assignments, candidates)).map { (assignment: $0, candidate: $1) })
            return assignments
        }
    }

    /// Issues seen in `week` or later (and possibly before), by id; first/last seen and weeks
    /// active over all stored weeks, label and terms from the latest week.
    public func issues(activeSince week: String) throws -> [StoredIssue] {
        let week = try Self.normalized(week)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.kind, s.first_seen, s.last_seen, s.weeks_active, w.label, w.terms
                FROM (SELECT i.id, i.kind, MIN(iw.week) AS first_seen, MAX(iw.week) AS last_seen,
                             COUNT(*) AS weeks_active
                      FROM issues i JOIN issue_weeks iw ON iw.issue_id = i.id
                      GROUP BY i.id HAVING MAX(iw.week) >= ?) s
                JOIN issue_weeks w ON w.issue_id = s.id AND w.week = s.last_seen
                ORDER BY s.id
                """, arguments: [week])
            return try rows.map { row in
                StoredIssue(
                    id: try row.decode(forColumn: "id"), kind: try row.decode(forColumn: "kind"),
                    label: try row.decode(forColumn: "label"),
                    terms: try TermList.decode(try row.decode(forColumn: "terms")),
                    firstSeen: try row.decode(forColumn: "first_seen"), lastSeen: try row.decode(forColumn: "last_seen"),
                    weeksActive: try row.decode(forColumn: "weeks_active"))
            }
        }
    }

    // MARK: - Inside a transaction

    func assign(_ db: Database, _ candidates: [IssueCandidate], week: String) throws -> [IssueAssignment] {
        guard let thisWeek = ISOWeek(week) else { throw HistoryError.invalidWeek(week) }
        let matches = matcher.match(candidates, try references(db, around: week))
        let history = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT issue_id, MIN(week) AS first_seen, COUNT(*) AS weeks FROM issue_weeks
                WHERE week < ? GROUP BY issue_id
                """, arguments: [week]).map { row in
                (try row.decode(String.self, forColumn: "issue_id"),
                 (first: try row.decode(String.self, forColumn: "first_seen"), weeks: try row.decode(Int.self, forColumn: "weeks")))
            })
        var minted = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT prefix, last FROM id_counters").map { row in
                (try row.decode(String.self, forColumn: "prefix"), try row.decode(Int.self, forColumn: "last"))
            })
        return candidates.enumerated().map { index, candidate in
            if let id = matches[index] {
                let earlier = history[id]
                return IssueAssignment(
                    id: id, isNew: false, firstSeen: earlier.flatMap { ISOWeek($0.first) }.map { min($0, thisWeek) } ?? thisWeek,
                    weeksActive: (earlier?.weeks ?? 0) + 1)
            }
            let prefix = IssueID.prefix(forKind: candidate.kind.rawValue)
            let number = minted[prefix, default: 0] + 1
            minted[prefix] = number
            return IssueAssignment(id: IssueID.format(prefix, number), isNew: true, firstSeen: thisWeek, weeksActive: 1)
        }
    }

    /// Stored issues seen within `matcher.lookbackWeeks` of `week` (either side, the week itself
    /// included so re-ingesting a week keeps its ids): terms of the appearance nearest before or
    /// at `week` (else the earliest after), members over the whole window.
    func references(_ db: Database, around week: String) throws -> [IssueReference] {
        guard let iso = ISOWeek(week) else { throw HistoryError.invalidWeek(week) }
        let window: StatementArguments = [
            iso.adding(weeks: -matcher.lookbackWeeks).description, iso.adding(weeks: matcher.lookbackWeeks).description,
        ]
        var references: [String: IssueReference] = [:]
        let appearances = try Row.fetchAll(db, sql: """
            SELECT iw.issue_id, i.kind, iw.week, iw.terms FROM issue_weeks iw JOIN issues i ON i.id = iw.issue_id
            WHERE iw.week BETWEEN ? AND ? ORDER BY iw.issue_id, iw.week
            """, arguments: window)
        for row in appearances {
            let id: String = try row.decode(forColumn: "issue_id")
            let seen: String = try row.decode(forColumn: "week")
            // Ascending weeks: keep overwriting up to `week`; after it, only fill a gap.
            guard references[id] == nil || seen <= week else { continue }
            references[id] = IssueReference(
                id: id, kind: try row.decode(forColumn: "kind"),
                terms: try TermList.decode(try row.decode(forColumn: "terms")), members: [])
        }
        let members = try Row.fetchAll(
            db, sql: "SELECT issue_id, record_key FROM issue_members WHERE week BETWEEN ? AND ?", arguments: window)
        for row in members {
            references[try row.decode(forColumn: "issue_id")]?.members.insert(try row.decode(forColumn: "record_key"))
        }
        return references.values.sorted { $0.id < $1.id }
    }

    func replace(_ db: Database, _ aggregate: WeekAggregate, _ issues: [(assignment: IssueAssignment, candidate: IssueCandidate)]) throws {
        let week = aggregate.week.description
        var aggregate = aggregate
        if !issues.isEmpty {
            aggregate.issues = [:]
            aggregate.featureRequests = [:]
            for (assignment, candidate) in issues {
                guard aggregate.issues[assignment.id] == nil, aggregate.featureRequests[assignment.id] == nil else {
                    throw HistoryError.identityConflict(path: path, id: assignment.id, week: week)
                }
                if candidate.kind == .featureRequest {
                    aggregate.featureRequests[assignment.id] = candidate.count
                } else {
                    aggregate.issues[assignment.id] = candidate.count
                }
            }
        }
        let previousRuns = try Int.fetchOne(db, sql: "SELECT saved_runs FROM weeks WHERE week = ?", arguments: [week]) ?? 0
        try db.execute(sql: "DELETE FROM weeks WHERE week = ?", arguments: [week])
        try Self.insertAggregate(db, aggregate, savedRuns: previousRuns + 1)
        for (assignment, candidate) in issues {
            try insertIssue(db, assignment, candidate, week: week)
        }
        try Self.deleteOrphanIssues(db)
    }

    private func insertIssue(_ db: Database, _ assignment: IssueAssignment, _ candidate: IssueCandidate, week: String) throws {
        let id = assignment.id
        if let existing = try Row.fetchOne(db, sql: "SELECT kind, created_week FROM issues WHERE id = ?", arguments: [id]) {
            let kind: String = try existing.decode(forColumn: "kind")
            let created: String = try existing.decode(forColumn: "created_week")
            // A freshly minted id that already belongs to an issue created in another week was
            // minted twice: another run saved in between assignIdentities and save.
            if kind != candidate.kind.rawValue || (assignment.isNew && created != week) {
                throw HistoryError.identityConflict(path: path, id: id, week: week)
            }
        } else {
            try db.execute(sql: "INSERT INTO issues (id, kind, created_week) VALUES (?, ?, ?)", arguments: [id, candidate.kind.rawValue, week])
        }
        try db.execute(
            sql: "INSERT INTO issue_weeks (issue_id, week, count, label, terms) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, week, candidate.count, candidate.label, try TermList.encode(candidate.terms)])
        let member = try db.cachedStatement(sql: "INSERT INTO issue_members (issue_id, week, record_key) VALUES (?, ?, ?)")
        for key in Set(candidate.memberKeys).sorted() {
            try member.execute(arguments: [id, week, key])
        }
        if let number = IssueID.number(id) {
            try db.execute(sql: """
                INSERT INTO id_counters (prefix, last) VALUES (?, ?)
                ON CONFLICT (prefix) DO UPDATE SET last = max(last, excluded.last)
                """, arguments: [IssueID.prefix(of: id), number])
        }
    }
}

/// Terms as a JSON array in one column: read and written whole, never queried inside.
enum TermList {
    static func encode(_ terms: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(terms), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
