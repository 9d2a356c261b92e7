import Foundation

/// The summary lines, the top alert and the appendix. Wording is Japanese: the readers are
/// Japanese product and support teams.
extension ReportBuilder {
    func summary(_ r: WeeklyReport) -> ([String], String?) {
        var lines: [String] = []
        let v = r.volume
        if let prev = v.previousTotal {
            let delta = v.total - prev
            let pct = prev > 0 ? String(format: "%+.1f%%", Double(delta) * 100 / Double(prev)) : "—"
            lines.append("今週（\(r.header.week)）の受付は\(v.total)件で、前週から\(delta >= 0 ? "+" : "")\(delta)件（\(pct)）でした。")
        } else {
            lines.append("今週（\(r.header.week)）の受付は\(v.total)件でした（前週のデータはありません）。")
        }
        let d = r.stance.dissatisfaction
        if let ps = d.previousShare {
            lines.append(String(format: "不満の割合は%.1f%%（%d/%d件、前週 %.1f%%、%+.1fpt）です。", d.share * 100, d.count, d.total, ps * 100, (d.share - ps) * 100))
        } else {
            lines.append(String(format: "不満の割合は%.1f%%（%d/%d件）です。", d.share * 100, d.count, d.total))
        }
        var alert: String?
        if let e = r.emerging.issues.first {
            let text = e.reason == .new
                ? "新しい課題「\(e.label)」が今週\(e.count)件発生しています（先週までは0件）。"
                : String(format: "課題「%@」が急増しています（今週%d件、過去平均%.1f件）。", e.label, e.count, e.baselineMean)
            lines.append(text)
            alert = text
        } else if let grow = r.topIssues.filter({ $0.previous != nil }).max(by: { a, b in
            let ga = a.count - (a.previous ?? 0), gb = b.count - (b.previous ?? 0)
            return ga != gb ? ga < gb : issueIDPrecedes(b.id, a.id)
        }),
                  grow.count > (grow.previous ?? 0) {
            lines.append("最も増えた課題は「\(grow.label)」（\(grow.count)件、前週比+\(grow.count - (grow.previous ?? 0))件）です。")
        }
        if !r.churnRisk.isEmpty {
            let firm = r.churnRisk.filter { !$0.conditional }.count
            let text = "解約リスクのある顧客が\(r.churnRisk.count)件あります（うち条件付きでない表明\(firm)件）。"
            if alert == nil { alert = text }
            if lines.count < 3 { lines.append(text) }
        }
        return (Array(lines.prefix(3)), alert)
    }

    func appendix(_ p: Prepared, agg: WeekAggregate, prev: WeekAggregate?) -> WeeklyReport.Appendix {
        let ids = Set(agg.signals.keys).union(prev?.signals.keys ?? [:].keys)
        let signalCounts = ids.map { id in
            WeeklyReport.SignalCount(
                id: id, label: lexicon.signals[id]?.label ?? id, count: agg.signals[id, default: 0],
                previous: prev.map { $0.signals[id, default: 0] })
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
        let hits = p.ruleHits
        let entries = lexicon.entries
        let ruleHits = hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20).map { key, n in
            WeeklyReport.RuleHit(entry: key, pattern: entries[key]?.pattern ?? "", target: entries[key]?.target ?? "", count: n)
        }
        let unclassified = p.current.filter { $0.stance == .neutral && !$0.matchedLexicon }
            .sorted { $0.key < $1.key }.prefix(10).map { quote($0) }
        return WeeklyReport.Appendix(
            method: [
                "ICUで単語に分割し、編集可能な辞書ルール（否定・逆接・条件・疑問・強調・皮肉）で問い合わせ1件ごとに不満／成功／中立／混在とシグナルを判定しています（辞書 \(lexicon.version)）。",
                "不満率＝不満（混在のうち不満寄りを含む）の件数÷その週の件数。成功率も同様です。",
                "主な課題は、今週の不満の問い合わせを「何が問題か」（問題表現とその対象の語、エラーコード、バージョン）の類似度で平均連結法によりまとめたもので、2件以上で構成されます。どれにも似ていない問い合わせは課題に入れません。過去の週の件数は、その週の問い合わせを今週の課題に照合して数えています。",
                "新たな兆候：先週までに無かった課題（今週\(options.newIssueMinimum)件以上）、または過去\(options.baselineWeeks)週の平均から標準偏差（下限は1と√平均）の\(Int(options.spikeZ))倍以上増えた課題（今週\(options.spikeMinimum)件以上）。",
                options.maskPII ? "引用ではメールアドレス・電話番号・郵便番号・長い数字を伏せ字にしています。" : "引用の伏せ字処理は無効です（--no-mask）。",
                "週はISO週（月曜始まり、Asia/Tokyo）。タイムゾーンの無い日時は日本時間とみなします。",
            ],
            signalCounts: signalCounts, ruleHits: Array(ruleHits), unclassifiedSample: Array(unclassified))
    }
}
