import Foundation
import GRDB
import KoeKit

/// The SQLite history of weekly runs: per-week aggregates, so a report on an export holding
/// only week W can compare with earlier weeks, and issue identities that persist across weeks.
///
/// One file, opened as a GRDB `DatabasePool` in WAL mode with a busy timeout: readers never
/// block, and a second run that wants to write waits for the first instead of failing. Every
/// write is one IMMEDIATE transaction, so a run killed mid-write leaves the previous state.
/// Schema: `HistorySchema`. Identity matching: `IssueMatcher`.
public final class HistoryStore: Sendable {
    public let path: String
    public let matcher: IssueMatcher
    let pool: DatabasePool

    /// How long a writer waits for another run's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    /// Opens the history at `path`, creating the file if needed (unless `create` is false), and
    /// migrates it to the current schema. A file that is not an SQLite database, or is another
    /// application's database, is left untouched and reported.
    public init(path: String, matcher: IssueMatcher = IssueMatcher(), create: Bool = true) throws {
        self.path = path
        self.matcher = matcher
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw HistoryError.cannotOpen(path: path, reason: "no such history file")
        }
        try Self.checkFile(path)
        try Self.checkOwner(path)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "koe-history"
        do {
            pool = try Self.open(path, config)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// Closes the file (further use throws): needed before removing it.
    public func close() throws {
        do { try pool.close() } catch { throw Self.mapped(error, path: path) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a healthy file.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: - Transactions

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken up front, so two runs
    /// queue on the busy timeout instead of failing on a lock upgrade.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw HistoryError.database(path: path, message: "transaction did not run") }
                return result
            }
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    // MARK: - Opening

    /// Rejects what SQLite should never be pointed at, before it opens (and could touch) it.
    static func checkFile(_ path: String) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !files.fileExists(atPath: folder) {
                throw HistoryError.cannotOpen(path: path, reason: "no such directory '\(folder)'")
            }
            return
        }
        if isDirectory.boolValue { throw HistoryError.cannotOpen(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HistoryError.cannotOpen(path: path, reason: "file is not readable")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        // An empty file is a new database; anything else must carry SQLite's magic header.
        if !header.isEmpty, header != Data("SQLite format 3\u{0}".utf8) {
            throw HistoryError.notADatabase(path: path)
        }
    }

    /// `PRAGMA application_id` of a koe history file ("koe1"); older files carry 0 and are
    /// recognised by their tables.
    static let applicationID: Int32 = 0x6B6F_6531

    /// Refuses another application's SQLite database (`--db other_app.sqlite` added koe's
    /// tables to it), reading it without writing: an empty database, a stamped koe file and an
    /// unstamped one with koe's tables pass.
    static func checkOwner(_ path: String) throws {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 else { return }
        var config = Configuration()
        config.readonly = true
        let (id, tables): (Int32, Set<String>)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            (id, tables) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")))
            }
            try queue.close()
        } catch {
            throw mapped(error, path: path)
        }
        if id == applicationID || tables.isEmpty { return }
        if id == 0 && tables.isSuperset(of: ["grdb_migrations", "weeks", "issues"]) { return }
        // Another run is creating this file (its migration log is there, the rest is coming):
        // the migration below waits for it and goes on from where it got.
        if id == 0 && tables.contains("grdb_migrations") && tables.isSubset(of: HistorySchema.tables) { return }
        throw HistoryError.foreignDatabase(path: path, tables: tables.sorted())
    }

    /// Opens and migrates. Two runs creating the same new file at once can be refused by SQLite
    /// while switching it to WAL (`PRAGMA journal_mode` is not covered by the busy timeout), so
    /// a busy refusal while opening is retried, with back-off, up to the busy timeout.
    static func open(_ path: String, _ config: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                try migrate(pool, path: path)
                return pool
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                attempt += 1
                usleep(UInt32(min(100, 5 * attempt)) * 1000)
            }
        }
    }

    static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = HistorySchema.migrator
        while true {
            let before = try pool.read(migrator.appliedIdentifiers)
            do {
                try migrator.migrate(pool)
                break
            } catch {
                // Another run applied a migration between this run's check and its own copy of
                // it, which then failed (CREATE TABLE of an existing table): go on from there.
                guard try pool.read(migrator.appliedIdentifiers) != before else { throw error }
            }
        }
        if try pool.read({ try Int32.fetchOne($0, sql: "PRAGMA application_id") }) != applicationID {
            try pool.write { try $0.execute(sql: "PRAGMA application_id = \(applicationID)") }
        }
        if try pool.read(migrator.hasBeenSuperseded) {
            throw HistoryError.database(path: path, message: "history written by a newer koe (unknown schema version)")
        }
    }

    static func mapped(_ error: any Error, path: String) -> any Error {
        if error is HistoryError { return error }
        guard let error = error as? DatabaseError else {
            return HistoryError.database(path: path, message: "\(error)")
        }
        let message = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return HistoryError.notADatabase(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return HistoryError.cannotOpen(path: path, reason: message)
        default: return HistoryError.database(path: path, message: message)
        }
    }

    /// `2026-W7` → `2026-W07`, so that text order is time order in the file.
    static func normalized(_ week: String) throws -> String {
        guard let iso = ISOWeek(week) else { throw HistoryError.invalidWeek(week) }
        return iso.description
    }
}
