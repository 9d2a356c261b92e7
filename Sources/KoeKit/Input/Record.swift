/// One input field, kept for pass-through to the output.
public struct RecordField: Sendable, Equatable {
    public var name: String
    /// The value: a plain string, or raw JSON text when `isJSON` is true.
    public var value: String
    /// True when `value` is raw JSON text (a number, object, array, boolean or null from a JSON
    /// Lines input) to be re-emitted verbatim; false for a plain string.
    public var isJSON: Bool

    public init(name: String, value: String, isJSON: Bool = false) {
        self.name = name
        self.value = value
        self.isJSON = isJSON
    }
}

/// One input item in canonical form, whatever the input format.
///
/// A record that could not be read properly is still returned, with `error` set, so that the
/// caller can emit an error record in its place: no input item is ever dropped silently.
/// Canonical values taken from JSON keep numbers and booleans as their JSON text, join arrays
/// of scalars with `,` (`["a","b"]` → `a,b`) and give other arrays and objects as raw JSON.
public struct Record: Sendable {
    /// 1-based record number in this input (headers and skipped blank lines do not count).
    public var number: Int
    /// The file name as given, or `<stdin>`.
    public var source: String
    /// 1-based physical line where the record starts.
    public var line: Int
    public var id: String?
    /// The text to classify (the body); "" when there is none.
    public var text: String
    public var subject: String?
    /// The raw value; parsing dates is left to the caller.
    public var createdAt: String?
    public var channel: String?
    public var accountID: String?
    public var customerID: String?
    public var plan: String?
    public var status: String?
    public var tags: String?
    public var rating: String?
    /// Every input field in input order, for pass-through; empty for plain text input.
    public var fields: [RecordField]
    /// Why the record could not be read properly (bad JSON, missing text field, unterminated
    /// quote…), starting with the line: `line 3: not a JSON object: [1, 2]`.
    public var error: String?
    /// Non-fatal notes, e.g. `invalid UTF-8 replaced with U+FFFD at byte 17`.
    public var warnings: [String]

    public init(
        number: Int, source: String, line: Int, id: String? = nil, text: String = "",
        fields: [RecordField] = [], error: String? = nil, warnings: [String] = []
    ) {
        self.number = number
        self.source = source
        self.line = line
        self.id = id
        self.text = text
        self.fields = fields
        self.error = error
        self.warnings = warnings
    }
}
