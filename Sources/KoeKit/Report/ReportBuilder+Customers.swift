/// Churn risk per account, effort and resolution quality, success stories.
extension ReportBuilder {
    func churnRisk(_ p: Prepared) -> [WeeklyReport.AccountRisk] {
        let riskSignals = signals(.risk)
        var byAccount: [String: [ReportItem]] = [:]
        for item in p.current {
            guard let account = item.account, item.signals.contains(where: { riskSignals.contains($0.id) }) else { continue }
            byAccount[account, default: []].append(item)
        }
        let earlier = p.weeks.dropLast().compactMap { p.aggregates[$0] }
        return byAccount.map { account, items -> (risk: WeeklyReport.AccountRisk, strength: Double, account: String) in
            let hits = items.flatMap { $0.signals.filter { riskSignals.contains($0.id) } }
            let strongest = items.max { a, b in
                let sa = a.signals.filter { riskSignals.contains($0.id) }.map(\.strength).reduce(0, +)
                let sb = b.signals.filter { riskSignals.contains($0.id) }.map(\.strength).reduce(0, +)
                return sa != sb ? sa < sb : a.key > b.key
            }!
            let risk = WeeklyReport.AccountRisk(
                account: shown(account: account), plan: items.compactMap(\.plan).first, signals: Set(hits.map(\.id)).sorted(),
                conditional: hits.allSatisfy(\.conditional), tickets: items.count,
                previousWeeksWithRisk: earlier.filter { $0.riskAccounts.contains(account) }.count,
                quote: quote(strongest, text: excerpt(strongest, for: riskSignals)))
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
        for item in items {
            let strength = item.signals.filter { signals.contains($0.id) }.map(\.strength).reduce(0, +)
            // `extra` only for items with a signal: it may read the whole text.
            if strength > 0 && extra(item) { scored.append((item, strength)) }
        }
        scored.sort { $0.strength != $1.strength ? $0.strength > $1.strength : $0.item.key < $1.item.key }
        return scored.prefix(limit).map { quote($0.item, text: excerpt($0.item, for: signals)) }
    }

    /// The item's text cut to the sentence of its strongest evidence for `signals` (nil: no
    /// evidence offsets, quote the text from its start).
    func excerpt(_ item: ReportItem, for signals: Set<String>) -> String? {
        let hit = item.signals.filter { signals.contains($0.id) && !$0.evidence.isEmpty }
            .max { ($0.strength, $1.id) < ($1.strength, $0.id) }
        return hit.map { EvidenceExcerpt.cut(item.text, around: $0.evidence[0]) }
    }

    /// Items of the report week with a `request` signal: the feature requests' denominator.
    func requestItems(_ p: Prepared) -> Int {
        let requests = signals(.request)
        return p.current.filter { $0.signals.contains { requests.contains($0.id) } }.count
    }

    /// One rate per signal of `ids`, in lexicon order (signals.tsv is sorted by id).
    func signalRates(_ ids: Set<String>, _ agg: WeekAggregate, _ prev: WeekAggregate?) -> [WeeklyReport.SignalRate] {
        ids.sorted().map { id in
            WeeklyReport.SignalRate(signal: id, label: lexicon.signals[id]?.label ?? id, rate: rate(id, agg, prev))
        }
    }

    func effort(_ p: Prepared, agg: WeekAggregate, prev: WeekAggregate?) -> WeeklyReport.EffortQuality {
        let resolution = signals(.resolution)
        let satisfied = resolution.filter { lexicon.signals[$0]?.family == .success }
        return WeeklyReport.EffortQuality(
            metrics: signalRates(signals(.effort), agg, prev),
            resolvedSatisfied: signalRates(satisfied, agg, prev),
            complaintSubsided: signalRates(resolution.subtracting(satisfied), agg, prev),
            quotes: quotes(p.current, with: signals(.effort), limit: 3))
    }

    func success(_ p: Prepared, agg: WeekAggregate, prev: WeekAggregate?) -> WeeklyReport.SuccessSection {
        WeeklyReport.SuccessSection(
            praise: .init(count: agg.succeeded, total: agg.total, previousCount: prev?.succeeded, previousTotal: prev?.total),
            agentShoutouts: quotes(p.current, with: signals(.shoutout)),
            quantifiedOutcomes: quotes(p.current, with: signals(.outcome)) { $0.text.contains(where: \.isNumber) },
            caseStudyCandidates: quotes(p.current, with: signals(.caseStudy)) {
                $0.isSuccess && $0.account != nil
            },
            expansionLeads: quotes(p.current, with: signals(.expansion)))
    }
}
