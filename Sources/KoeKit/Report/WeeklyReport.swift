/// The weekly VOC report as data: what every renderer (Markdown, HTML, JSON) shows. The JSON
/// renderer writes exactly this structure (keys in snake_case, sorted), so its shape is the
/// documented, stable `koe report --format json` schema (`schema_version` 2).
///
/// Every share carries its numerator and denominator (`Share`, `Rate`), never a bare fraction; every weekly figure carries the
/// previous week's value (nil when there is no such week in the data or history).
public struct WeeklyReport: Codable, Sendable, Equatable {
    public var schemaVersion = 2
    public var header: Header
    /// Up to three sentences (Japanese) on the biggest changes, most important first.
    public var summary: [String]
    /// The single most urgent line (Japanese), if any alert fired.
    public var topAlert: String?
    public var volume: Volume
    public var stance: StanceTrend
    public var topIssues: [IssueRow]
    public var emerging: Emerging
    public var churnRisk: [AccountRisk]
    public var effort: EffortQuality
    public var success: SuccessSection
    public var featureRequests: [IssueRow]
    public var appendix: Appendix
    /// Scores from the tickets' ratings; nil when the input has none (`WeeklyReport+Ratings`).
    public var ratings: Ratings?

    public init(
        header: Header, summary: [String], topAlert: String?, volume: Volume, stance: StanceTrend,
        topIssues: [IssueRow], emerging: Emerging, churnRisk: [AccountRisk], effort: EffortQuality,
        success: SuccessSection, featureRequests: [IssueRow], appendix: Appendix
    ) {
        self.header = header
        self.summary = summary
        self.topAlert = topAlert
        self.volume = volume
        self.stance = stance
        self.topIssues = topIssues
        self.emerging = emerging
        self.churnRisk = churnRisk
        self.effort = effort
        self.success = success
        self.featureRequests = featureRequests
        self.appendix = appendix
    }

    public struct Header: Codable, Sendable, Equatable {
        /// Encoded as its name, `2026-W47`.
        public var week: ISOWeek
        /// Monday and Sunday of the week, `2026-11-16` / `2026-11-22` (Asia/Tokyo).
        public var periodStart: String
        public var periodEnd: String
        public var timezone = "Asia/Tokyo"
        /// Input files (or `<stdin>`).
        public var sources: [String]
        /// Records read in total (all weeks), records in the report week, and records that could
        /// not be used, by reason (`no_date`, `unreadable`).
        public var recordsRead: Int
        public var recordsInWeek: Int
        public var skipped: [String: Int]
        /// Weeks before the report week that serve as the baseline (from the data or history).
        public var baselineWeeks: [ISOWeek]
        public var lexiconVersion: String
        public var generator: String
    }

    /// A count with its denominator and last week's figures.
    public struct Rate: Codable, Sendable, Equatable {
        public var count: Int
        public var total: Int
        public var previousCount: Int?
        public var previousTotal: Int?

        public init(count: Int, total: Int, previousCount: Int? = nil, previousTotal: Int? = nil) {
            self.count = count
            self.total = total
            self.previousCount = previousCount
            self.previousTotal = previousTotal
        }

        public var share: Double { total > 0 ? Double(count) / Double(total) : 0 }
        public var previousShare: Double? {
            guard let c = previousCount, let t = previousTotal, t > 0 else { return nil }
            return Double(c) / Double(t)
        }
    }

    public struct Volume: Codable, Sendable, Equatable {
        /// Report week and the weeks before it, oldest first (up to 12).
        public var weeks: [WeekVolume]
        /// Per channel in the report week, sorted by count (desc), then name.
        public var channels: [ChannelRow]
        public var total: Int
        public var previousTotal: Int?
    }

    public struct WeekVolume: Codable, Sendable, Equatable {
        public var week: ISOWeek
        public var total: Int
        public var byChannel: [String: Int]
    }

    public struct ChannelRow: Codable, Sendable, Equatable {
        public var channel: String
        public var count: Int
        public var previous: Int?
    }

    public struct StanceTrend: Codable, Sendable, Equatable {
        /// Oldest first, the report week last.
        public var weeks: [WeekStance]
        public var dissatisfaction: Rate
        public var success: Rate
        /// Mean dissatisfaction share over the baseline weeks (nil without baseline).
        public var baselineDissatisfactionShare: Double?
    }

    public struct WeekStance: Codable, Sendable, Equatable {
        public var week: ISOWeek
        public var total: Int
        public var dissatisfaction: Int
        public var success: Int
        public var neutral: Int
        public var mixed: Int
    }

    public struct Quote: Codable, Sendable, Equatable {
        /// Record id.
        public var id: String
        /// PII-masked, shortened text.
        public var text: String
        public var account: String?

        public init(id: String, text: String, account: String? = nil) {
            self.id = id
            self.text = text
            self.account = account
        }
    }

    public struct IssueRow: Codable, Sendable, Equatable {
        /// Stable within a run (`c1`, `c2`…); with history, the stored issue id.
        public var id: String
        public var label: String
        public var terms: [String]
        /// Items in the report week.
        public var count: Int
        /// `count` of the section's denominator: for top issues every dissatisfied item of the
        /// week (clustered or not), for feature requests every item with `feature_request`.
        public var share: Share
        public var previous: Int?
        /// This issue's items in the week that are dissatisfaction (or mixed leaning so), of `count`.
        public var dissatisfaction: Share
        /// Counts per week, aligned with `Volume.weeks`.
        public var trend: [Int]
        public var firstSeen: ISOWeek
        public var weeksActive: Int
        public var quotes: [Quote]
    }

    public struct Emerging: Codable, Sendable, Equatable {
        public var issues: [EmergingIssue]
        /// Terms much more frequent this week than in the baseline.
        public var newTerms: [TermRow]
        /// Why a section may be empty, e.g. no baseline weeks (Japanese).
        public var note: String?
    }

    public struct EmergingIssue: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var count: Int
        public var baselineMean: Double
        public var baselineStandardDeviation: Double
        /// nil for an issue that is new this week.
        public var zScore: Double?
        public var reason: EmergingReason
        public var quotes: [Quote]
    }

    public struct TermRow: Codable, Sendable, Equatable {
        public var term: String
        public var count: Int
        public var baselineMean: Double
    }

    public struct AccountRisk: Codable, Sendable, Equatable {
        /// Account id, else customer id.
        public var account: String
        public var plan: String?
        /// Signals seen this week (churn_intent, competitor_switch, …), sorted.
        public var signals: [String]
        public var conditional: Bool
        public var tickets: Int
        /// Earlier weeks in which the account already showed risk signals.
        public var previousWeeksWithRisk: Int
        public var quote: Quote
    }

    /// One signal's rate, under the label `signals.tsv` gives it.
    public struct SignalRate: Codable, Sendable, Equatable {
        public var signal: String
        public var label: String
        public var rate: Rate

        public init(signal: String, label: String, rate: Rate) {
            self.signal = signal
            self.label = label
            self.rate = rate
        }
    }

    /// Signals by report role (`signals.tsv`, column `report`), in lexicon order.
    public struct EffortQuality: Codable, Sendable, Equatable {
        /// `effort` signals (high effort, repeat contact, slow response, callback failure …).
        public var metrics: [SignalRate]
        /// `resolution` signals of the success family (satisfied resolution).
        public var resolvedSatisfied: [SignalRate]
        /// `resolution` signals of the dissatisfaction family (a complaint that merely subsided).
        public var complaintSubsided: [SignalRate]
        public var quotes: [Quote]
    }

    public struct SuccessSection: Codable, Sendable, Equatable {
        public var praise: Rate
        public var agentShoutouts: [Quote]
        public var quantifiedOutcomes: [Quote]
        public var caseStudyCandidates: [Quote]
        public var expansionLeads: [Quote]
    }

    public struct Appendix: Codable, Sendable, Equatable {
        /// How the report was made (Japanese).
        public var method: [String]
        /// Signals by count in the report week, with last week's count.
        public var signalCounts: [SignalCount]
        /// Lexicon entries that fired most this week (`file:line pattern`).
        public var ruleHits: [RuleHit]
        /// Neutral items with no lexicon hit: candidates for lexicon tuning.
        public var unclassifiedSample: [Quote]
    }

    public struct SignalCount: Codable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var count: Int
        public var previous: Int?
    }

    public struct RuleHit: Codable, Sendable, Equatable {
        public var entry: String
        public var pattern: String
        public var target: String
        public var count: Int
    }
}
