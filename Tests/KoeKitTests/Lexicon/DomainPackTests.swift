import Foundation
import Testing
@testable import KoeKit

/// Domain packs (`lexicons/packs/NAME`) are opt-in layers: their words (Wi-Fi, 部屋, 料理)
/// would mislabel text from other domains, so the base lexicon does without them.
@Suite struct DomainPackTests {
    static let packs = URL(fileURLWithPath: BuiltInLexicon.directory).deletingLastPathComponent().appendingPathComponent("packs")

    @Test func eachPackLayersCleanlyAndItsExamplesPass() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.packs.path).sorted()
        #expect(names.contains("hospitality"))
        for name in names {
            let (lexicon, diagnostics) = Lexicon.load(layers: [BuiltInLexicon.directory, Self.packs.appendingPathComponent(name).path])
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(diagnostics)")
            let runner = ExampleRunner(classifier: try Classifier(lexicon: CompiledLexicon(lexicon)))
            let examples = lexicon.examples.filter { $0.location.file.contains("/packs/") }
            #expect(!examples.isEmpty, "\(name) has no examples")
            for example in examples {
                let failure = try runner.check(example)
                #expect(failure == nil, "\(failure?.description ?? "")")
            }
        }
    }

    @Test func thePackIsOffByDefaultAndLoadsByName() throws {
        let text = "Wi-Fiがすぐ切れる"
        #expect(try BuiltInLexicon.classifier().classify(text).topic != "facilities_location")
        let (lexicon, diagnostics) = Lexicon.loadDefault(extra: ["hospitality"])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(lexicon.files.contains { $0.hasPrefix("lexicons/packs/hospitality/") }, "\(lexicon.files)")
        let hotel = try Classifier(lexicon: CompiledLexicon(lexicon)).classify("駅から近くて立地が最高でした")
        #expect(hotel.topic == "facilities_location")
    }
}
