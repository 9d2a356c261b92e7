import Foundation
import Testing
@testable import KoeKit

/// Two lexicon lines that find the same span with the same effect count once (楽しめる and
/// 楽しむ both index 楽しめ); lines with different targets on one span all count.
@Suite struct DuplicateMatchTests {
    @Test func sameSpanSameTargetCountsOnce() throws {
        let (lexicon, diagnostics) = try PatternLanguageTests.lexicon(
            entries: "楽しむ\tpos\t1\tv5\n楽しめる\tpos\t1\tv1\n楽しめる\tslow_response\t1\tv1\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try Classifier(lexicon: CompiledLexicon(lexicon)).classify("楽しめた")
        #expect(c.evidence.count == 1, "\(c.evidence.map(\.entry))")
        #expect(c.positive == 1)
        #expect(c.signals.map(\.id) == ["slow_response"])
    }
}
