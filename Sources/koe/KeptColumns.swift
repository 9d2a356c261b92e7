import KoeKit

/// The input columns `koe classify -f csv|tsv --keep-fields` writes after its own columns.
///
/// A CSV/TSV header is written before the rows, so the columns are those of the first record
/// (for CSV/TSV input the first file's header, for JSON the first object's keys), in that
/// order, duplicates included. A record whose fields are exactly those columns (every row of
/// the same CSV file) fills them by position; any other record (another file, another JSON
/// object) by name, and a field with no column of its name is not written but counted, so
/// the run can say so (JSON Lines output keeps every field).
///
/// An input column named like one of koe's own columns (`id`, `stance`, `text`, …) is
/// written as `input_NAME` (`input_NAME_2`, … should that be taken too).
struct KeptColumns: Sendable {
    /// The input names, for matching records' fields.
    let sourceNames: [String]
    /// The names in the header.
    let headerNames: [String]

    init(fields: [RecordField], ownColumns: [String]) {
        sourceNames = fields.map(\.name)
        var taken = Set(ownColumns)
        var header: [String] = []
        for name in sourceNames {
            var candidate = name
            if taken.contains(candidate) {
                candidate = "input_" + name
                var n = 2
                while taken.contains(candidate) {
                    candidate = "input_\(name)_\(n)"
                    n += 1
                }
            }
            taken.insert(candidate)
            header.append(candidate)
        }
        headerNames = header
    }

    /// (input name, header name) for every renamed column.
    var renamed: [(String, String)] {
        zip(sourceNames, headerNames).filter { $0 != $1 }
    }

    /// The record's values in column order (empty where it has none), and the names of its
    /// fields that found no column.
    func values(_ record: borrowing Record) -> (values: [String], unplaced: [String]) {
        let fields = record.fields
        if fields.count == sourceNames.count, zip(fields, sourceNames).allSatisfy({ $0.name == $1 }) {
            return (fields.map(Self.text), [])
        }
        var values = [String](repeating: "", count: sourceNames.count)
        var filled = [Bool](repeating: false, count: sourceNames.count)
        var unplaced: [String] = []
        for field in fields {
            guard let i = sourceNames.indices.first(where: { !filled[$0] && sourceNames[$0] == field.name }) else {
                unplaced.append(field.name)
                continue
            }
            values[i] = Self.text(field)
            filled[i] = true
        }
        return (values, unplaced)
    }

    /// A field as cell text: JSON `null` is empty; other JSON values (numbers, booleans,
    /// objects) keep their JSON text.
    private static func text(_ field: RecordField) -> String {
        field.isJSON && field.value == "null" ? "" : field.value
    }
}
