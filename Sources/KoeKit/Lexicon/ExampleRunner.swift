/// Runs the example lines of a lexicon (`#> TEXT => EXPECTATION`) against a classifier.
public struct ExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public let example: LexiconExample
        public let unmet: [LexiconExample.Expectation]
        public let got: Classification

        public var description: String {
            let signals = got.signals.map(\.id).joined(separator: ",")
            return "\(example.location): error: example '\(example.text)' expected \(unmet.map(\.description).joined(separator: ", ")); got stance=\(got.stance.rawValue) signals=[\(signals)] topic=\(got.topic)"
        }
    }

    let classifier: Classifier

    public init(classifier: Classifier) { self.classifier = classifier }

    /// The expectations of `example` that the classifier does not meet.
    public func check(_ example: LexiconExample) throws -> Failure? {
        let c = try classifier.classify(example.text)
        let unmet = example.expectations.filter { !ExampleRunner.holds($0, for: c) }
        return unmet.isEmpty ? nil : Failure(example: example, unmet: unmet, got: c)
    }

    /// `stance=dissatisfaction` (or success) also holds for a mixed text whose dominant side
    /// it is: mixed refines the side, it does not contradict it.
    static func holds(_ e: LexiconExample.Expectation, for c: Classification) -> Bool {
        switch e {
        case let .stance(s): c.stance.rawValue == s || (c.stance == .mixed && c.dominant?.rawValue == s)
        case let .signal(id): c.hasSignal(id)
        case let .noSignal(id): !c.hasSignal(id)
        case let .topic(t): c.topic == t
        }
    }
}
