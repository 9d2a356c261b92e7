import Dispatch
import KoeICU

/// Where ICU's Japanese segmentation must break, known without running it. ICU splits a run
/// of kana and kanji along the cheapest path through the words of its dictionary, with runs
/// of katakana as extra candidates and every single character as a last resort. A position
/// that no dictionary word and no katakana run spans is on every path, so the text on either
/// side segments exactly as it does together. A word spans a position only if it holds the two
/// characters there side by side, and this table holds every such pair of the dictionary.
///
/// The pairs are hashed into 2^21 bits (256 KB, about 11% set): an unrelated pair that shares
/// a slot only costs a cut. Read once per process from ICU's data (about 20 ms).
final class DictionaryPairs: Sendable {
    static let shared = DictionaryPairs()

    /// False when ICU's dictionary could not be read: then nothing is known this way and lines
    /// are cut only at hard breaks and script edges.
    let isLoaded: Bool
    private let pairs: PairSet

    static let log2Bits: Int32 = 21

    /// Pairs read back from the lexicon cache, set before `shared` is first used
    /// (`LexiconCache`); nil: read them from ICU.
    nonisolated(unsafe) static var preset: (isLoaded: Bool, bits: [UInt64])?

    private init() {
        if let (isLoaded, bits) = Self.preset, let pairs = PairSet(log2Bits: Self.log2Bits, bits: bits) {
            self.isLoaded = isLoaded
            self.pairs = pairs
            return
        }
        var pairs = PairSet(log2Bits: Self.log2Bits)
        var status: Int32 = 0
        isLoaded = pairs.fill { koe_dictionary_pairs($0, $1, &status) } > 0
        self.pairs = pairs
    }

    /// The table, for the lexicon cache.
    var stored: (isLoaded: Bool, bits: [UInt64]) { (isLoaded, pairs.storedBits) }

    /// Whether `a` then `b` may occur inside a dictionary word.
    @inline(__always)
    func joins(_ a: UInt16, _ b: UInt16) -> Bool {
        !isLoaded || pairs.contains(a, b)
    }

    /// Whether ICU must break between `a` and `b` inside a run of dictionary characters.
    @inline(__always)
    func mustBreak(_ a: UInt16, _ b: UInt16) -> Bool {
        !(Self.isKatakana(a) && Self.isKatakana(b)) && !joins(a, b)
    }

    /// Characters that ICU segments with the dictionary and whose word rules chain into one
    /// segment: hiragana, katakana (with ー ヽ ヾ), the unified ideographs and 々. A clause of
    /// nothing else is one run for ICU.
    @inline(__always)
    static func isDictionaryCharacter(_ u: UInt16) -> Bool {
        (0x3041...0x3096).contains(u) || (0x309D...0x309F).contains(u) || (0x30A1...0x30FA).contains(u)
            || (0x30FC...0x30FE).contains(u) || (0x4E00...0x9FFF).contains(u) || u == 0x3005
    }

    /// ICU's test for the katakana runs it adds as candidate words.
    @inline(__always)
    static func isKatakana(_ u: UInt16) -> Bool {
        (0x30A1...0x30FE).contains(u) && u != 0x30FB
    }
}

extension TextAnalyzer {
    /// Starts reading ICU's dictionary pairs on another thread, so that it overlaps loading
    /// the lexicon; otherwise the first line prepared reads them.
    public static func preloadDictionaryPairs() {
        DispatchQueue.global().async { _ = DictionaryPairs.shared }
    }
}
