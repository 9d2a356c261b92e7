/// Churn risk per account, effort and resolution quality, success stories.
extension ReportBuilder {
    func churnRisk(_ p: Prepared) -> [WeeklyReport.AccountRisk] {
        var byAccount: [String: [ReportItem]] = [:]
        for item in p.current {
            guard let account = item.account, item.signals.contains(where: { Self.riskSignals.contains($0.id) }) else { continue }
            byAccount[account, default: []].append(item)
        }
        let earlier = p.weeks.dropLast().compactMap { p.aggregates[$0] }
        return byAccount.map { account, items -> (risk: WeeklyReport.AccountRisk, strength: Double, account: String) in
            let hits = items.flatMap { $0.signals.filter { Self.riskSignals.contains($0.id) } }
            let strongest = items.max { a, b in
                let sa = a.signals.filter { Self.riskSignals.contains($0.id) }.map(\.strength).reduce(0, +)
                let sb = b.signals.filter { Self.riskSignals.contains($0.id) }.map(\.strength).reduce(0, +)
                return sa != sb ? sa < sb : a.key > b.key
            }!
            let risk = WeeklyReport.AccountRisk(
                account: shown(account: account), plan: items.compactMap(\.plan).first, signals: Set(hits.map(\.id)).sorted(),
                conditional: hits.allSatisfy(\.conditional), tickets: items.count,
                previousWeeksWithRisk: earlier.filter { $0.riskAccounts.contains(account) }.count,
                quote: quote(strongest))
            return (risk, hits.map(\.strength).reduce(0, +), account)
        }.sorted { a, b in
            let ka = (a.risk.conditional ? 0 : 1, a.risk.signals.count, a.strength)
            let kb = (b.risk.conditional ? 0 : 1, b.risk.signals.count, b.strength)
            return ka != kb ? ka > kb : a.account < b.account
        }.prefix(20).map(\.risk)
    }

    func rate(_ signal: String, _ agg: WeekAggregate, _ prev: WeekAggregate?) -> WeeklyReport.Rate {
        .init(count: agg.signals[signal, default: 0], total: agg.total,
              previousCount: prev.map { $0.signals[signal, default: 0] }, previousTotal: prev?.total)
    }

    /// Up to `limit` quotes of items with any of `signals`, strongest first.
    func quotes(
        _ items: [ReportItem], with signals: Set<String>, limit: Int = 5, where extra: (ReportItem) -> Bool = { _ in true }
    ) -> [WeeklyReport.Quote] {
        var scored: [(item: ReportItem, strength: Double)] = []
        for item in items where extra(item) {
            let strength = item.signals.filter { signals.contains($0.id) }.map(\.strength).reduce(0, +)
            if strength > 0 { scored.append((item, strength)) }
        }
        scored.sort { $0.strength != $1.strength ? $0.strength > $1.strength : $0.item.key < $1.item.key }
        return scored.prefix(limit).map { quote($0.item) }
    }

    func effort(_ p: Prepared, agg: WeekAggregate, prev: WeekAggregate?) -> WeeklyReport.EffortQuality {
        WeeklyReport.EffortQuality(
            highEffort: rate("high_effort", agg, prev), repeatContact: rate("repeat_contact", agg, prev),
            slowResponse: rate("slow_response", agg, prev), callbackFailure: rate("callback_failure", agg, prev),
            resolvedSatisfied: rate("resolved_satisfied", agg, prev), complaintSubsided: rate("complaint_subsided", agg, prev),
            quotes: quotes(p.current, with: ["high_effort", "repeat_contact", "callback_failure", "slow_response"], limit: 3))
    }

    func success(_ p: Prepared, agg: WeekAggregate, prev: WeekAggregate?) -> WeeklyReport.SuccessSection {
        WeeklyReport.SuccessSection(
            praise: .init(count: agg.succeeded, total: agg.total, previousCount: prev?.succeeded, previousTotal: prev?.total),
            agentShoutouts: quotes(p.current, with: ["agent_praise"]),
            quantifiedOutcomes: quotes(p.current, with: ["outcome_achieved", "quick_value"]) { $0.text.contains(where: \.isNumber) },
            caseStudyCandidates: quotes(p.current, with: ["outcome_achieved", "advocacy", "renewal_commitment"]) {
                $0.isSuccess && $0.account != nil
            },
            expansionLeads: quotes(p.current, with: ["expansion_intent"]))
    }
}
