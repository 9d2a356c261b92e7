import ArgumentParser
import Foundation
import KoeHistory
import KoeKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Inspect or edit the history kept by `koe report --db`.",
        subcommands: [List.self, Drop.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "The history file (default: \(HistoryLocation.defaultPath)).")
        var db: String = HistoryLocation.defaultPath

        /// An existing history only: inspecting or editing never creates one. A missing file is
        /// missing input (66); one that cannot be opened or read is an I/O error (74).
        func open() throws -> HistoryStore {
            guard FileManager.default.fileExists(atPath: db) else {
                Stderr.print("koe: \(db): error: no such history file (koe report --db \(db) creates it)")
                throw ExitStatus.noInput
            }
            do { return try HistoryStore(path: db, create: false) } catch {
                Stderr.print(HistoryLocation.message(error, path: db))
                throw ExitStatus.ioError
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored weeks with their counts.")
        @OptionGroup var location: Location

        func run() throws {
            let store = try location.open()
            let weeks: [(week: String, total: Int, issues: Int, savedRuns: Int?)]
            do { weeks = try store.weeks() } catch {
                Stderr.print(HistoryLocation.message(error, path: location.db))
                throw ExitStatus.ioError
            }
            print("week\trecords\tissues")
            for w in weeks { print("\(w.week)\t\(w.total)\t\(w.issues)") }
        }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove one week from the history.")
        @OptionGroup var location: Location
        @Option(help: "The ISO week to remove, e.g. 2026-W47.")
        var week: String

        func validate() throws {
            guard ISOWeek(week) != nil else { throw ValidationError("--week must look like 2026-W47, got '\(week)'") }
        }

        /// A week that is not stored is bad data (65), with the stored weeks named.
        func run() throws {
            let store = try location.open()
            let name = ISOWeek(week)?.description ?? week
            let dropped: Bool
            do { dropped = try store.drop(week: name) } catch {
                Stderr.print(HistoryLocation.message(error, path: location.db))
                throw ExitStatus.ioError
            }
            guard !dropped else { return Stderr.print("koe: dropped \(name)") }
            let stored = ((try? store.weeks()) ?? []).map(\.week)
            let shown = stored.isEmpty ? "none" : stored.suffix(5).joined(separator: ", ") + (stored.count > 5 ? " (latest 5 of \(stored.count))" : "")
            Stderr.print("koe: \(location.db): error: \(name) is not stored (stored weeks: \(shown)); nothing dropped")
            throw ExitStatus.badData
        }
    }
}
