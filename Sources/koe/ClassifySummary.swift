import KoeKit

/// Counts for the stderr summary line of `koe classify`, and whether the run was of any use.
struct ClassifySummary: CustomStringConvertible, Sendable {
    /// How one record came out.
    enum Outcome: Sendable {
        case classified(Stance)
        /// The text was empty or white space: written as a `skipped` record, not as neutral.
        case blank
        case error(String)
    }

    var records = 0, errors = 0, blank = 0, repaired = 0
    /// Per stance, in `Stance.allCases` order.
    var stances = [Int](repeating: 0, count: Stance.allCases.count)
    /// The first error message, for the verdict when nothing could be classified.
    var firstError: String?
    /// CSV/TSV `--keep-fields`: field values with no column in the header, and the first name.
    var unplacedFields = 0
    var firstUnplaced: String?
    /// `--output-encoding cp932`: characters written as 〓.
    var unencodable = CP932Encoder.Replacements()

    mutating func count(_ outcome: Outcome) {
        records += 1
        switch outcome {
        case let .classified(stance):
            if let k = Stance.allCases.firstIndex(of: stance) { stances[k] += 1 }
        case .blank: blank += 1
        case let .error(message):
            errors += 1
            if firstError == nil { firstError = message }
        }
    }

    mutating func add(_ other: ClassifySummary) {
        records += other.records
        errors += other.errors
        blank += other.blank
        repaired += other.repaired
        if firstError == nil { firstError = other.firstError }
        unplacedFields += other.unplacedFields
        if firstUnplaced == nil { firstUnplaced = other.firstUnplaced }
        unencodable.add(other.unencodable)
        for k in stances.indices { stances[k] += other.stances[k] }
    }

    var classified: Int { records - errors - blank }

    var description: String {
        let parts = zip(Stance.allCases, stances).map { "\($1) \($0.rawValue)" }.joined(separator: ", ")
        return "\(records) records: \(parts); \(blank) blank (skipped); \(errors) errors; \(repaired) with repaired input"
    }

    /// Why a run that classified nothing is a failure, and what to try; nil when some record
    /// was classified.
    var failure: (message: String, status: Int32)? {
        if records == 0 {
            return ("no input records; nothing to classify", 66)
        }
        guard classified == 0 else { return nil }
        var message = "none of the \(records) records could be classified (\(errors) errors, \(blank) blank)"
        if let firstError {
            message += "; the first error: \(firstError)"
            if firstError.contains("no text field") || firstError.contains("no field") {
                message += "; name the text with --text-field (JSON) or --text-column (CSV/TSV)"
            } else if firstError.contains("not a JSON object") || firstError.contains("invalid JSON") {
                message += "; if the input is not JSON, leave out --input-format and --text-field"
            }
        } else {
            message += "; is the text in another column? name it with --text-column (CSV/TSV) or --text-field (JSON)"
        }
        return (message, 65)
    }
}
