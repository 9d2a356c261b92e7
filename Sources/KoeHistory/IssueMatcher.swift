import KoeKit

/// Decides which stored issue (if any) a cluster of this week continues. Matching looks at what
/// the cluster is about — its top terms — and at who is in it — its record ids — never at its
/// label, which is display text and changes with small shifts in term ranking.
///
/// - Term score: weighted Jaccard over the top `topTerms` terms of each side, a term at rank r
///   (0-based) weighing 1/(1+r), `signal:` / `topic:` features a quarter of that (many issues
///   share them). Identical lists score 1; sharing the top two terms in place scores ≈0.38;
///   sharing only the top term ≈0.23; sharing five low-ranked terms ≈0.19.
/// - Member score: overlap coefficient |A∩B| / min(|A|,|B|) against the issue's members of the
///   looked-back weeks, counted only when at least `minimumSharedMembers` ids are shared.
/// - A pair matches when term score ≥ `termThreshold` (0.3) or member score ≥ `memberThreshold`
///   (0.5); its score is the larger of the two that pass. Kinds must be equal.
/// - Greedy one-to-one: pairs by score (descending), then candidate index, then issue id.
public struct IssueMatcher: Sendable {
    public var topTerms = 8
    public var termThreshold = 0.3
    public var memberThreshold = 0.5
    public var minimumSharedMembers = 2
    public var featureWeight = 0.25
    /// Issues seen within this many ISO weeks of the assigned week (either side) are candidates.
    public var lookbackWeeks = 12

    public init() {}

    /// Weighted Jaccard of two ranked term lists (0…1).
    public func termScore(_ a: [String], _ b: [String]) -> Double {
        let wa = weights(a), wb = weights(b)
        var low = 0.0, high = 0.0
        for term in Set(wa.keys).union(wb.keys).sorted() {
            let x = wa[term, default: 0], y = wb[term, default: 0]
            low += min(x, y)
            high += max(x, y)
        }
        return high > 0 ? low / high : 0
    }

    /// Overlap coefficient of two member sets, 0 below `minimumSharedMembers` shared ids.
    public func memberScore(_ a: Set<String>, _ b: Set<String>) -> Double {
        let shared = a.intersection(b).count
        guard shared >= max(1, minimumSharedMembers) else { return 0 }
        return Double(shared) / Double(min(a.count, b.count))
    }

    /// The match score of a candidate against a stored issue; 0 when they do not match.
    func score(_ candidate: IssueCandidate, members: Set<String>, _ issue: IssueReference) -> Double {
        guard candidate.kind.rawValue == issue.kind else { return 0 }
        let t = termScore(candidate.terms, issue.terms)
        let m = memberScore(members, issue.members)
        return max(t >= termThreshold ? t : 0, m >= memberThreshold ? m : 0)
    }

    /// Candidate index → matched issue id, one-to-one, greedy by best score.
    func match(_ candidates: [IssueCandidate], _ issues: [IssueReference]) -> [Int: String] {
        var pairs: [(score: Double, candidate: Int, issue: String)] = []
        for (i, candidate) in candidates.enumerated() {
            let members = Set(candidate.memberKeys)
            for issue in issues {
                let s = score(candidate, members: members, issue)
                if s > 0 { pairs.append((s, i, issue.id)) }
            }
        }
        pairs.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return a.candidate != b.candidate ? a.candidate < b.candidate : a.issue < b.issue
        }
        var result: [Int: String] = [:]
        var taken = Set<String>()
        for pair in pairs where result[pair.candidate] == nil && !taken.contains(pair.issue) {
            result[pair.candidate] = pair.issue
            taken.insert(pair.issue)
        }
        return result
    }

    private func weights(_ terms: [String]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (rank, term) in terms.prefix(topTerms).enumerated() where result[term] == nil {
            result[term] = (term.contains(":") ? featureWeight : 1) / Double(rank + 1)
        }
        return result
    }
}

/// What matching knows about a stored issue: its kind, the terms of its appearance nearest the
/// assigned week, and its members over the looked-back weeks.
struct IssueReference: Sendable {
    var id: String
    var kind: String
    var terms: [String]
    var members: Set<String>
}
