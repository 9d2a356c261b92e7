/// Account ids: `account_id` / `customer_id` is often the requester's e-mail address, and it
/// shows in the churn table and in every quote's attribution (`ReportBuilder.shown(account:)`).
extension PIIMasker {
    /// An identifier with personal data in it, masked, plus a short stable tag so that two
    /// masked accounts stay two rows: `hanako@example.jp` → `〔メール〕-5f3a`. Others unchanged.
    public func maskIdentifier(_ id: String) -> String {
        let masked = mask(id)
        guard masked != id else { return id }
        var hash: UInt32 = 2_166_136_261  // FNV-1a: stable across runs and platforms
        for byte in id.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let tag = String(hash >> 16, radix: 16)
        return masked + "-" + String(repeating: "0", count: 4 - tag.count) + tag
    }
}
