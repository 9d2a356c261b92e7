import Testing
@testable import KoeKit

/// Two issues merge only when enough members of the smaller one are like the other on their
/// own (`IssueClusterer.memberSupport`): one ticket that names both issues cannot bridge them,
/// while an issue whose members broadly use a second wording still joins it. Features are
/// written by hand (no lexicon), so the similarities are known.
@Suite struct MemberSupportTests {
    static let crash: [String: Double] = ["a:アプリ>kind:crash": 1.5, "p:kind:crash": 0.6, "w:アプリ": 2]
    static let code: [String: Double] = ["a:認証コード>kind:code": 1.5, "p:kind:code": 0.6, "w:認証コード": 2]

    static func items(_ name: String, _ count: Int, _ features: [String: Double]) -> [ClusterItem] {
        (0..<count).map { i in
            var f = features
            f["w:\(name)\(i)"] = 1  // a word of its own, as every ticket has
            return ClusterItem(key: "\(name)\(i)", features: IssueFeatures(weights: f), text: "\(name)\(i)")
        }
    }

    /// The key's issue: its letters before the number.
    static func issue(_ key: String) -> String { String(key.prefix { !$0.isNumber }) }

    /// 12 crash tickets, 7 about a code that never comes, and one code ticket that says the app
    /// crashed too: alone it must not pull the code issue into the crash spike.
    @Test func oneTicketThatNamesTwoIssuesDoesNotMergeThem() {
        let bridge = Self.items("both", 1, Self.code.merging(Self.crash) { a, _ in a })
        let items = Self.items("crash", 12, Self.crash) + Self.items("code", 7, Self.code) + bridge
        let clusters = IssueClusterer().cluster(items)
        let crashCluster = clusters.first { $0.members.contains("crash0") }
        let codeCluster = clusters.first { $0.members.contains("code0") }
        #expect(crashCluster != nil && codeCluster != nil && crashCluster != codeCluster, "\(clusters.map(\.members))")
        let crashIssues = Set((crashCluster?.members ?? []).map(Self.issue))
        #expect(crashIssues.isSubset(of: ["crash", "both"]), "\(clusters.map(\.members))")
        #expect((codeCluster?.members ?? []).filter { Self.issue($0) == "code" }.count == 7, "\(clusters.map(\.members))")
        // Without the rule the average alone merges them: the bridge is what the rule stops.
        var averageOnly = IssueClusterer()
        averageOnly.memberSupport = 0
        #expect(averageOnly.cluster(items).map(\.size) == [20], "\(averageOnly.cluster(items).map(\.members))")
    }

    /// Six tickets say 認証コード, six say SMS (no phrase in common), and three of the SMS ones
    /// also say 認証コード: half of the SMS group backs the merge, so it is one issue.
    @Test func anIssueWhoseMembersBroadlyShareAWordingStillMerges() {
        let sms: [String: Double] = ["a:sms>kind:sms": 1.5, "p:kind:sms": 0.6, "w:sms": 2]
        let items = Self.items("code", 6, Self.code) + Self.items("sms", 3, sms)
            + Self.items("smscode", 3, sms.merging(["a:認証コード>kind:code": 1.5, "w:認証コード": 2]) { a, _ in a })
        let clusters = IssueClusterer().cluster(items)
        #expect(clusters.map(\.size) == [12], "\(clusters.map(\.members))")
        // Asking every member to back it would keep the wordings apart.
        var everyMember = IssueClusterer()
        everyMember.memberSupport = 1
        #expect(everyMember.cluster(items).map(\.size) != [12])
    }
}
