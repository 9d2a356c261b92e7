/// An example line in a lexicon file, `#> TEXT => EXPECTATION, …`, run as a test.
public struct LexiconExample: Sendable {
    public enum Expectation: Equatable, Sendable, CustomStringConvertible {
        case stance(String)
        case signal(String)
        case noSignal(String)
        case topic(String)

        public var description: String {
            switch self {
            case let .stance(s): "stance=\(s)"
            case let .signal(s): s
            case let .noSignal(s): "!\(s)"
            case let .topic(t): "topic=\(t)"
            }
        }
    }

    public let text: String
    public let expectations: [Expectation]
    public let location: SourceLocation
}
