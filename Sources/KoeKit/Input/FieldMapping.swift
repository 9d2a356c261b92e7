/// Which input column (CSV/TSV) or JSON key fills each canonical field.
///
/// A name given here replaces the defaults of `FieldRole.defaultNames` for that field. Names
/// match ignoring case and surrounding white space; for JSON Lines a name may be a dotted path
/// into nested objects (`via.channel`), tried after a key that literally contains the dot.
/// An explicit CSV column missing from the header is a usage error (`InputError.unknownField`);
/// an explicit JSON key missing from a line makes that record an error record.
public struct FieldMapping: Sendable, Equatable {
    /// The explicit names, by role: one store, so that the named properties and the
    /// subscript cannot disagree.
    private var names: [FieldRole: String] = [:]

    public init(
        text: String? = nil, id: String? = nil, subject: String? = nil, createdAt: String? = nil,
        channel: String? = nil, accountID: String? = nil, customerID: String? = nil,
        plan: String? = nil, status: String? = nil, tags: String? = nil, rating: String? = nil
    ) {
        let given: [(FieldRole, String?)] = [
            (.text, text), (.id, id), (.subject, subject), (.createdAt, createdAt), (.channel, channel),
            (.accountID, accountID), (.customerID, customerID), (.plan, plan), (.status, status),
            (.tags, tags), (.rating, rating),
        ]
        for case let (role, name?) in given { names[role] = name }
    }

    /// The explicit name for `role`, if one was given.
    public subscript(role: FieldRole) -> String? {
        get { names[role] }
        set { names[role] = newValue }
    }

    public var text: String? { get { self[.text] } set { self[.text] = newValue } }
    public var id: String? { get { self[.id] } set { self[.id] = newValue } }
    public var subject: String? { get { self[.subject] } set { self[.subject] = newValue } }
    public var createdAt: String? { get { self[.createdAt] } set { self[.createdAt] = newValue } }
    public var channel: String? { get { self[.channel] } set { self[.channel] = newValue } }
    public var accountID: String? { get { self[.accountID] } set { self[.accountID] = newValue } }
    public var customerID: String? { get { self[.customerID] } set { self[.customerID] = newValue } }
    public var plan: String? { get { self[.plan] } set { self[.plan] = newValue } }
    public var status: String? { get { self[.status] } set { self[.status] = newValue } }
    public var tags: String? { get { self[.tags] } set { self[.tags] = newValue } }
    public var rating: String? { get { self[.rating] } set { self[.rating] = newValue } }

    /// The names to try for `role`, in order: the explicit one, else the defaults.
    public func candidates(for role: FieldRole) -> [String] {
        if let name = self[role] { return [name] }
        return role.defaultNames
    }
}
