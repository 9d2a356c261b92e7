/// The overall leaning of a text.
public enum Stance: String, Sendable, CaseIterable {
    case dissatisfaction, success, neutral, mixed
}

/// Why a label was given: the matched text, where it is, which lexicon line and which rules.
public struct Evidence: Sendable, Equatable {
    /// The matched text as written in the input.
    public let text: String
    /// Unicode scalar offsets into the input text, end exclusive.
    public let start: Int
    public let end: Int
    /// The lexicon line that matched, `file:line`, and its pattern.
    public let entry: String
    public let pattern: String
    /// The signed contribution to the stance score (0 for action signals).
    public let contribution: Double
    /// Rules that changed the contribution: `negation(ません)`, `contrast_after`, `question` …
    public let rules: [String]
    /// A wish made by a polite request (てください, と助かります): requests do not add up, only the
    /// strongest of a text counts in the score. Not written to the JSON output.
    public var request = false
}

/// A VOC signal that fired, with its evidence.
public struct SignalResult: Sendable, Equatable {
    public let id: String
    public let family: SignalFamily
    public let strength: Double
    /// True when every piece of evidence sits under a conditional (〜なら解約).
    public let conditional: Bool
    /// At most `Classifier.evidenceLimit` pieces, the first in the text.
    public let evidence: [Evidence]
    /// How many more pieces of evidence there were (a text that repeats one phrase).
    public var evidenceOmitted = 0
}

/// The labels koe gives one text.
public struct Classification: Sendable, Equatable {
    public let stance: Stance
    /// For `mixed`, the side that weighs more; otherwise the stance itself (nil for neutral).
    public let dominant: Stance?
    /// Net score: positive leans success, negative leans dissatisfaction.
    public let score: Double
    public let positive: Double
    public let negative: Double
    public let signals: [SignalResult]
    public let topic: String
    /// Polarity evidence (the signals carry their own), at most `Classifier.evidenceLimit`.
    public let evidence: [Evidence]
    /// How many more pieces of polarity evidence there were.
    public var evidenceOmitted = 0

    public func hasSignal(_ id: String) -> Bool { signals.contains { $0.id == id } }
}
