/// Account ids in a report: `account_id` / `customer_id` is often the requester's e-mail
/// address, and it shows in the churn table and in every quote's attribution.
extension WeeklyReport {
    /// Masks every account id the report shows (churn table rows, quote attributions) with
    /// `PIIMasker.maskIdentifier`. Ids that hold no personal data (`ACME-0001`) stay as they are.
    public mutating func maskAccounts(with masker: PIIMasker = PIIMasker()) {
        func mask(_ quotes: inout [Quote]) {
            for k in quotes.indices { quotes[k].account = quotes[k].account.map(masker.maskIdentifier) }
        }
        for k in churnRisk.indices {
            churnRisk[k].account = masker.maskIdentifier(churnRisk[k].account)
            churnRisk[k].quote.account = churnRisk[k].quote.account.map(masker.maskIdentifier)
        }
        for k in topIssues.indices { mask(&topIssues[k].quotes) }
        for k in featureRequests.indices { mask(&featureRequests[k].quotes) }
        for k in emerging.issues.indices { mask(&emerging.issues[k].quotes) }
        mask(&effort.quotes)
        mask(&success.agentShoutouts)
        mask(&success.quantifiedOutcomes)
        mask(&success.caseStudyCandidates)
        mask(&success.expansionLeads)
        mask(&appendix.unclassifiedSample)
    }
}

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
