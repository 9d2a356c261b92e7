/// Which input column (CSV/TSV) or JSON key fills each canonical field.
///
/// A name given here replaces the defaults of `FieldRole.defaultNames` for that field. Names
/// match ignoring case and surrounding white space; for JSON Lines a name may be a dotted path
/// into nested objects (`via.channel`), tried after a key that literally contains the dot.
/// An explicit CSV column missing from the header is a usage error (`InputError.unknownField`);
/// an explicit JSON key missing from a line makes that record an error record.
public struct FieldMapping: Sendable, Equatable {
    public var text: String?
    public var id: String?
    public var subject: String?
    public var createdAt: String?
    public var channel: String?
    public var accountID: String?
    public var customerID: String?
    public var plan: String?
    public var status: String?
    public var tags: String?
    public var rating: String?

    public init(
        text: String? = nil, id: String? = nil, subject: String? = nil, createdAt: String? = nil,
        channel: String? = nil, accountID: String? = nil, customerID: String? = nil,
        plan: String? = nil, status: String? = nil, tags: String? = nil, rating: String? = nil
    ) {
        self.text = text
        self.id = id
        self.subject = subject
        self.createdAt = createdAt
        self.channel = channel
        self.accountID = accountID
        self.customerID = customerID
        self.plan = plan
        self.status = status
        self.tags = tags
        self.rating = rating
    }

    /// The explicit name for `role`, if one was given.
    public subscript(role: FieldRole) -> String? {
        get {
            switch role {
            case .text: text
            case .id: id
            case .subject: subject
            case .createdAt: createdAt
            case .channel: channel
            case .accountID: accountID
            case .customerID: customerID
            case .plan: plan
            case .status: status
            case .tags: tags
            case .rating: rating
            }
        }
        set {
            switch role {
            case .text: text = newValue
            case .id: id = newValue
            case .subject: subject = newValue
            case .createdAt: createdAt = newValue
            case .channel: channel = newValue
            case .accountID: accountID = newValue
            case .customerID: customerID = newValue
            case .plan: plan = newValue
            case .status: status = newValue
            case .tags: tags = newValue
            case .rating: rating = newValue
            }
        }
    }

    /// The names to try for `role`, in order: the explicit one, else the defaults.
    public func candidates(for role: FieldRole) -> [String] {
        if let name = self[role] { return [name] }
        return role.defaultNames
    }
}
