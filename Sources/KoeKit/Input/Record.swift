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
///
/// A record is copied a few times on its way from the reader through a batch to a worker, so
/// it stays small: the number, source, line and text inline, everything else (which plain
/// text input never has) in one shared box, copied when written to while shared.
public struct Record: Sendable {
    /// 1-based record number in this input (headers and skipped blank lines do not count).
    public var number: Int
    /// The file name as given, or `<stdin>`.
    public var source: String
    /// 1-based physical line where the record starts.
    public var line: Int
    /// The text to classify (the body); "" when there is none.
    public var text: String
    private var box: Box?

    public init(
        number: Int, source: String, line: Int, id: String? = nil, text: String = "",
        fields: [RecordField] = [], error: String? = nil, warnings: [String] = []
    ) {
        self.number = number
        self.source = source
        self.line = line
        self.text = text
        if id != nil || !fields.isEmpty || error != nil || !warnings.isEmpty {
            box = Box(More(id: id, fields: fields, error: error, warnings: warnings))
        }
    }

    public var id: String? {
        get { box?.more.id }
        _modify { yield &more.id }
    }
    public var subject: String? {
        get { box?.more.subject }
        _modify { yield &more.subject }
    }
    /// The raw value; parsing dates is left to the caller.
    public var createdAt: String? {
        get { box?.more.createdAt }
        _modify { yield &more.createdAt }
    }
    public var channel: String? {
        get { box?.more.channel }
        _modify { yield &more.channel }
    }
    public var accountID: String? {
        get { box?.more.accountID }
        _modify { yield &more.accountID }
    }
    public var customerID: String? {
        get { box?.more.customerID }
        _modify { yield &more.customerID }
    }
    public var plan: String? {
        get { box?.more.plan }
        _modify { yield &more.plan }
    }
    public var status: String? {
        get { box?.more.status }
        _modify { yield &more.status }
    }
    public var tags: String? {
        get { box?.more.tags }
        _modify { yield &more.tags }
    }
    public var rating: String? {
        get { box?.more.rating }
        _modify { yield &more.rating }
    }
    /// Every input field in input order, for pass-through; empty for plain text input.
    public var fields: [RecordField] {
        get { box?.more.fields ?? [] }
        _modify { yield &more.fields }
    }
    /// Why the record could not be read properly (bad JSON, missing text field, unterminated
    /// quote…), starting with the line: `line 3: not a JSON object: [1, 2]`.
    public var error: String? {
        get { box?.more.error }
        _modify { yield &more.error }
    }
    /// Non-fatal notes, e.g. `invalid UTF-8 replaced with U+FFFD at byte 17`.
    public var warnings: [String] {
        get { box?.more.warnings ?? [] }
        _modify { yield &more.warnings }
    }

    /// The boxed fields, made this record's own before they are written.
    private var more: More {
        get { box?.more ?? More() }
        _modify {
            if box == nil {
                box = Box(More())
            } else if !isKnownUniquelyReferenced(&box!) {
                box = Box(box!.more)
            }
            yield &box!.more
        }
    }

    private struct More {
        var id: String?
        var subject: String?
        var createdAt: String?
        var channel: String?
        var accountID: String?
        var customerID: String?
        var plan: String?
        var status: String?
        var tags: String?
        var rating: String?
        var fields: [RecordField] = []
        var error: String?
        var warnings: [String] = []
    }

    /// Written only through `more`, which copies a shared box first: never mutated while
    /// another record (or thread) can see it.
    private final class Box: @unchecked Sendable {
        var more: More
        init(_ more: More) { self.more = more }
    }
}
