import ArgumentParser
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

        /// An existing history only: inspecting or editing never creates one.
        func open() throws -> HistoryStore {
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
            let weeks = try location.open().weeks()
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

        func run() throws {
            let dropped = try location.open().drop(week: week)
            Stderr.print(dropped ? "koe: dropped \(week)" : "koe: \(week) was not stored")
            if !dropped { throw ExitCode(1) }
        }
    }
}
