import Testing
@testable import KoeKit

@Suite struct KeyTableTests {
    /// The decoder the key table reads lexicon keys with, against the String's own UTF-16
    /// view: one-, two-, three- and four-byte characters (surrogate pairs), and random mixtures.
    @Test func decodesUTF16LikeTheStringView() {
        var rng = SeededGenerator(seed: 11)
        var texts = ["", "a", "é", "解約", "ｶﾞ", "😀", "a😀é解\u{10FFFF}\u{FFFF}\u{7F}\u{80}\u{7FF}\u{800}"]
        for _ in 0..<300 { texts.append(rng.mixedJapanese(length: Int.random(in: 0...20, using: &rng))) }
        for text in texts {
            var units: [UInt16] = []
            CompiledLexicon.KeyTable.forEachUTF16Unit(of: text) { units.append($0) }
            #expect(units == Array(text.utf16), "\(text.debugDescription)")
        }
    }

    /// A ref packs its part, part count and three flags into one word: every field reads back
    /// as written, at the limits and in every flag combination.
    @Test func refsKeepEveryField() {
        typealias KeyRef = CompiledLexicon.KeyRef
        let max = Int16(KeyRef.maxParts)
        let partPairs: [(Int16, Int16)] = [(-1, 1), (-1, 0), (0, 2), (1, 2), (6, 7), (max - 1, max), (-1, max)]
        for (part, count) in partPairs {
            for flags in 0..<8 {
                let entry = Int32(flags * 1_000_003 + Int(part) + 1)
                let ref = KeyRef(
                    entry: entry, needsEndBoundary: flags & 1 != 0, startsFreely: flags & 2 != 0, part: part,
                    partCount: count, notAfterVerbStem: flags & 4 != 0)
                #expect(ref.entry == entry)
                #expect(ref.part == part && ref.partCount == count, "part \(part) of \(count)")
                #expect(ref.needsEndBoundary == (flags & 1 != 0) && ref.startsFreely == (flags & 2 != 0)
                    && ref.notAfterVerbStem == (flags & 4 != 0), "flags \(flags)")
            }
        }
    }

    /// A key's header slot gives back where its three runs of refs are, and its two flags.
    @Test func headersGiveBackTheRuns() {
        typealias Info = CompiledLexicon.KeyTable.Info
        let counts: [(Int, Int, Int)] = [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1), (3, 2, 5), (Info.maxWhole, Info.maxFirst, 200_000)]
        for (whole, first, later) in counts {
            for flags in 0..<4 {
                let slots = [CompiledLexicon.KeyRef.none, CompiledLexicon.KeyRef.none, Info.header(
                    whole: whole, first: first, later: later, needsStart: flags & 1 != 0, needsEnd: flags & 2 != 0)]
                let k = slots.withUnsafeBufferPointer { Info(at: 2, in: $0.baseAddress!) }
                #expect(k.start == 3 && k.parts == Int32(3 + whole) && k.later == Int32(3 + whole + first)
                    && k.end == Int32(3 + whole + first + later), "\(whole) \(first) \(later)")
                #expect(k.wholeNeedsStart == (flags & 1 != 0) && k.wholeNeedsEnd == (flags & 2 != 0), "flags \(flags)")
            }
        }
    }
}
