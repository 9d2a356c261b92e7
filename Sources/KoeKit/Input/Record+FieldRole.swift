/// Canonical fields by role, for the readers that fill them from mapped names.
extension Record {
    /// The canonical value for `role`.
    subscript(role: FieldRole) -> String? {
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
            case .text: text = newValue ?? ""
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
}
