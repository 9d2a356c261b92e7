/// One row of CSV/TSV as parsed, before it is matched against the header.
struct CSVRow {
    var fields: [String] = []
    /// The first and last physical lines of the row.
    var line: Int
    var endLine: Int
    var issues: [RecordDraft.Issue] = []
    /// True when the row has an unterminated quote: its fields are incomplete.
    var isBroken = false
}
