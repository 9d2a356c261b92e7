import GRDB

/// The history file's schema, as DatabaseMigrator migrations (`v1`, later `v2` …; never edit a
/// shipped migration, add one).
///
/// Normalised tables; every row of a week hangs off `weeks` with ON DELETE CASCADE, so replacing
/// or dropping a week is one DELETE plus inserts. Week strings are normalised (`2026-W07`), so
/// their text order is their time order. No ticket text is stored: only counts, terms, labels
/// and record ids.
///
///     weeks(week PK, total, mixed_dissatisfaction, mixed_success, saved_runs)
///     week_counts(week → weeks, facet, key, count; PK week+facet+key)
///         facet: channel | stance | signal | term | issue | feature_request — the dictionaries
///         of WeekAggregate (issue / feature_request keyed by stored issue id)
///     week_risk_accounts(week → weeks, position, account; PK week+position)  — ordered list
///     issues(id PK, kind, created_week)  — identity only; label/terms live per week
///     issue_weeks(issue_id → issues, week → weeks, count, label, terms JSON; PK issue_id+week)
///     issue_members(issue_id+week → issue_weeks, record_key; PK issue_id+week+record_key)
///     id_counters(prefix PK, last)  — highest number minted per id prefix, so ids are never reused
///
/// first seen / last seen / weeks active are derived from `issue_weeks`, so they stay right
/// when a week is replaced or dropped. Indexes: `issue_weeks(week)` and `issue_members(week)`
/// serve the per-week look-ups (window of weeks for matching, cascade deletes).
enum HistorySchema {
    /// Every table of a koe history file: GRDB's migration log and the tables the migrations
    /// create (HistorySchemaTests pins it against a new file). A file holding only some of them is
    /// koe's own, being created by another run right now.
    static let tables: Set<String> = [
        "grdb_migrations", "weeks", "week_counts", "week_risk_accounts", "issues", "issue_weeks", "issue_members", "id_counters",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE weeks (
            week TEXT NOT NULL PRIMARY KEY,
            total INTEGER NOT NULL,
            mixed_dissatisfaction INTEGER NOT NULL,
            mixed_success INTEGER NOT NULL,
            saved_runs INTEGER NOT NULL DEFAULT 1
        ) WITHOUT ROWID;
        CREATE TABLE week_counts (
            week TEXT NOT NULL REFERENCES weeks(week) ON DELETE CASCADE,
            facet TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (week, facet, key)
        ) WITHOUT ROWID;
        CREATE TABLE week_risk_accounts (
            week TEXT NOT NULL REFERENCES weeks(week) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            account TEXT NOT NULL,
            PRIMARY KEY (week, position)
        ) WITHOUT ROWID;
        CREATE TABLE issues (
            id TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            created_week TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE issue_weeks (
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            week TEXT NOT NULL REFERENCES weeks(week) ON DELETE CASCADE,
            count INTEGER NOT NULL,
            label TEXT NOT NULL,
            terms TEXT NOT NULL,
            PRIMARY KEY (issue_id, week)
        ) WITHOUT ROWID;
        CREATE INDEX issue_weeks_by_week ON issue_weeks(week);
        CREATE TABLE issue_members (
            issue_id TEXT NOT NULL,
            week TEXT NOT NULL,
            record_key TEXT NOT NULL,
            PRIMARY KEY (issue_id, week, record_key),
            FOREIGN KEY (issue_id, week) REFERENCES issue_weeks(issue_id, week) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX issue_members_by_week ON issue_members(week);
        CREATE TABLE id_counters (
            prefix TEXT NOT NULL PRIMARY KEY,
            last INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
}
