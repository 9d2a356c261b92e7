import KoeICU

/// The per-thread workspace that turns one line of UTF-8 into normalised UTF-16 and tokens.
/// Everything lives in reused buffers; after `analyze` the buffers describe the last line.
/// Offsets: `Token.start/end` index the normalised buffer; `originalStart/End` map them back to
/// UTF-16 offsets of the original line, and `scalarOffset` to Unicode scalar offsets.
///
/// `analyze` segments the whole line. `prepare` leaves segmentation for later: see
/// `TextAnalyzer+Clauses.swift`, which segments only the parts of a line that need it.
public final class TextAnalyzer {
    let breaker: ICUWordBreaker
    public let userWords: UserWordList

    let original = ScratchBuffer<UInt16>()
    let normalized = ScratchBuffer<UInt16>()
    let map = ScratchBuffer<Int32>()
    let ends = ScratchBuffer<Int32>()
    let statuses = ScratchBuffer<Int32>()
    private let scalarPrefix = ScratchBuffer<Int32>()
    /// Per normalised position (and one past the end): whether a token starts there, once known.
    let starts = ScratchBuffer<TokenStart>()
    /// The line's clauses (runs between cuts) and the ranges segmented so far, with
    /// their tokens in `partialTokens`. Used on one thread only, like the scratch buffers, so
    /// they skip the runtime exclusivity checks.
    @exclusivity(unchecked) var clauses: [Clause] = []
    @exclusivity(unchecked) var clauseScratch: [Clause] = []
    @exclusivity(unchecked) var segmented: [SegmentedRange] = []
    @exclusivity(unchecked) var partialTokens: [Token] = []
    // Read for every evidence offset; one analyzer is only ever used by one thread.
    @exclusivity(unchecked) private var hasSurrogates = false
    /// The whole line's tokens after `analyze` or `completeTokens()`; empty after `prepare`.
    @exclusivity(unchecked) public internal(set) var tokens: [Token] = []
    @exclusivity(unchecked) var tokensComplete = false
    /// How many ill-formed UTF-8 sequences the last line had (each became U+FFFD).
    public private(set) var substitutions = 0
    /// Tokens of clauses segmented for earlier lines (`segmentRequired`).
    let memo = SegmentationMemo()

    public init(userWords: UserWordList = UserWordList(), breaker: ICUWordBreaker? = nil) throws {
        self.breaker = try breaker ?? ICUWordBreaker()
        self.userWords = userWords
        tokens.reserveCapacity(256)
    }

    /// A workspace for another thread, sharing the (immutable) user words.
    public func copy() throws -> TextAnalyzer {
        try TextAnalyzer(userWords: userWords, breaker: breaker.copy())
    }

    public var originalUnits: UnsafeBufferPointer<UInt16> { original.buffer }
    public var normalizedUnits: UnsafeBufferPointer<UInt16> { normalized.buffer }

    /// Analyses one line (without its line terminator): normalised text and all its tokens.
    public func analyze(utf8 line: UnsafeBufferPointer<UInt8>) throws {
        try prepare(utf8: line, cutRuns: false)
        try completeTokens()
    }

    public func analyze(_ text: String) throws {
        var text = text
        try text.withUTF8 { try analyze(utf8: $0) }
    }

    func decode(_ line: UnsafeBufferPointer<UInt8>) throws {
        original.reserve(line.count + 1)
        var subs: Int32 = 0
        var status: Int32 = 0
        let n = koe_utf8_to_utf16(
            line.baseAddress, Int32(line.count), original.pointer, Int32(original.capacity), &subs,
            &status)
        try ICUError.check(status, "UTF-8 decoding")
        original.count = Int(n)
        substitutions = Int(subs)
    }

    func normalize() throws {
        var needed = original.count + 16
        while true {
            normalized.reserve(needed)
            map.reserve(normalized.capacity + 1)
            var status: Int32 = 0
            let n = koe_normalize(
                original.pointer, Int32(original.count), normalized.pointer, map.pointer,
                Int32(normalized.capacity), &status)
            try ICUError.check(status, "NFKC normalisation")
            if Int(n) <= normalized.capacity {
                normalized.count = Int(n)
                return
            }
            needed = Int(n)
        }
    }

    func indexScalars() {
        let units = original.pointer, count = original.count
        var found = false
        for i in 0..<count where units[i] & 0xFC00 == 0xD800 {
            found = true
            break
        }
        hasSurrogates = found
        guard found else { return }
        scalarPrefix.reserve(count + 1)
        let prefix = scalarPrefix.pointer
        var scalars: Int32 = 0
        for i in 0..<count {
            prefix[i] = scalars
            if units[i] & 0xFC00 != 0xDC00 { scalars += 1 }
        }
        prefix[count] = scalars
    }

    /// UTF-16 offset in the original line where normalised offset `i` starts.
    @inline(__always)
    public func originalStart(_ i: Int32) -> Int32 { map[Int(i)] }

    /// UTF-16 offset in the original line where a span ending at normalised offset `e` ends.
    /// A span that ends inside one normalisation chunk (e.g. `㍻` → `平成`) extends to its end.
    public func originalEnd(_ e: Int32) -> Int32 {
        guard e > 0 else { return map[0] }
        let inside = map[Int(e) - 1]
        var k = Int(e)
        while k < normalized.count && map[k] == inside { k += 1 }
        return map[k]
    }

    /// Converts a UTF-16 offset of the original line to a Unicode scalar offset.
    @inline(__always)
    public func scalarOffset(_ utf16: Int32) -> Int32 {
        hasSurrogates ? scalarPrefix[Int(utf16)] : utf16
    }
}
