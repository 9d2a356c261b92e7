/// What one content hit adds up to after the Japanese rules have been applied to it. A plain
/// value (nothing to retain): the signal is an index into `CompiledLexicon.signalIDs`, and
/// the rules that fired are a chain in the scorer's `RuleLog`.
struct Contribution {
    var hit: Hit
    /// Signed contribution to the stance score.
    var value: Double
    /// The signal it emits (-1: none; a negated churn phrase emits none).
    var signal: Int32 = -1
    var family: SignalFamily?
    var strength: Double
    var conditional = false
    var negated = false
    /// Where the negator that negated it starts (-1: not negated by a negator).
    var negatorStart: Int32 = -1
    /// A past complaint the past rule made the background of a change (以前は待たされた|が、
    /// 今は…): it weighs nothing now, but a trailing contrast after it is no complaint.
    var pastComplaint = false
    /// A wish made by a request line (a suggestion line of weight below 1: てください, と助かります):
    /// polite requests do not add up to a complaint, so only the strongest of a text counts.
    var request = false
    /// First and last rule of this contribution in the rule log (-1: none).
    var firstRule: Int32 = -1
    var lastRule: Int32 = -1

    var hasSignal: Bool { signal >= 0 }
}

/// A rule that changed a contribution: `negation(ません)`, `contrast_after`, `question` …
struct AppliedRule {
    enum Kind: UInt8 {
        case negation, doubleNegation, suggestion, intensifier, hedge, conditional
        case contrastAfter, contrastBefore, trailingContrast, hypothetical, question, sarcasm
        case absence, presence, inability, procedural, rhetorical, brokenExpectation, hearsay, counterfactual, past
        case handledCase, circumstance, agentTurn, aspect, emphaticNegation, minor, decline

        var name: StaticString {
            switch self {
            case .negation: "negation"
            case .doubleNegation: "double_negation"
            case .suggestion: "suggestion"
            case .intensifier: "intensifier"
            case .hedge: "hedge"
            case .conditional: "conditional"
            case .contrastAfter: "contrast_after"
            case .contrastBefore: "contrast_before"
            case .trailingContrast: "trailing_contrast"
            case .hypothetical: "hypothetical"
            case .question: "question"
            case .sarcasm: "sarcasm"
            case .absence: "absence"
            case .presence: "presence"
            case .inability: "inability"
            case .procedural: "procedural"
            case .rhetorical: "rhetorical"
            case .brokenExpectation: "broken_expectation"
            case .hearsay: "hearsay"
            case .counterfactual: "counterfactual"
            case .past: "past"
            case .handledCase: "handled_case"
            case .circumstance: "circumstance"
            case .agentTurn: "agent_turn"
            case .aspect: "aspect"
            case .emphaticNegation: "emphatic_negation"
            case .minor: "minor"
            case .decline: "decline"
            }
        }
    }

    let kind: Kind
    /// The rule word's lexicon entry, shown as `name(pattern)`; -1 for a bare name.
    let entry: Int32
    var next: Int32 = -1
}

/// The rules applied to one line's contributions, as linked chains in one reused array.
struct RuleLog {
    private(set) var rules: [AppliedRule] = []

    mutating func removeAll() { rules.removeAll(keepingCapacity: true) }

    /// Appends a rule to the end of `c`'s chain.
    mutating func add(_ kind: AppliedRule.Kind, entry: Int32 = -1, to c: inout Contribution) {
        let index = Int32(rules.count)
        rules.append(AppliedRule(kind: kind, entry: entry))
        if c.lastRule >= 0 { rules[Int(c.lastRule)].next = index } else { c.firstRule = index }
        c.lastRule = index
    }

    /// Calls `body` for each rule of `c`, in the order they were applied.
    func forEach(of c: Contribution, _ body: (AppliedRule) -> Void) {
        var i = c.firstRule
        while i >= 0 {
            body(rules[Int(i)])
            i = rules[Int(i)].next
        }
    }

    /// Whether a rule of `kind` was applied to `c`.
    func contains(_ kind: AppliedRule.Kind, in c: Contribution) -> Bool {
        var i = c.firstRule
        while i >= 0 {
            if rules[Int(i)].kind == kind { return true }
            i = rules[Int(i)].next
        }
        return false
    }

    /// The rules of `c` as strings (`negation(ません)`), for the `Classification` API.
    func names(of c: Contribution, patterns: [String]) -> [String] {
        var names: [String] = []
        forEach(of: c) { rule in
            let name = "\(rule.kind.name)"
            names.append(rule.entry >= 0 ? "\(name)(\(patterns[Int(rule.entry)]))" : name)
        }
        return names
    }
}
