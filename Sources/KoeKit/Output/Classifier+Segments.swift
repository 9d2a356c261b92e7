extension Classifier {
    /// Texts longer than this many UTF-8 bytes are classified a run of sentences at a time.
    public static let segmentBytes = 1 << 18

    /// Classifies a long text segment by segment, each ending at a sentence end, and writes the
    /// same members as `writeJSON` for the whole text. Every scoring rule stays inside its
    /// sentence, so the segments add up to what one pass over the text gives — except memory,
    /// which one pass needs in proportion to the text (a 50 MB line took 2.4 GB) and this in
    /// proportion to a segment plus the evidence kept (`evidenceLimit` per list).
    func classifySegmentsJSON(utf8: UnsafeBufferPointer<UInt8>, appendingTo out: ByteBuffer, segmentBytes: Int) throws -> Stance {
        var totals = SegmentTotals(topics: lexicon.topicIDs.count)
        var scalarBase = 0
        for range in Self.segments(utf8, limit: segmentBytes) {
            try run(UnsafeBufferPointer(rebasing: utf8[range]))
            totals.positive += outcome.positive
            totals.complaints += outcome.complaints
            totals.request = max(totals.request, outcome.request)
            for slot in outcome.signals {
                let k = totals.slot(for: slot)
                outcome.forEachMember(of: slot) { i in
                    totals.signals[k].evidence.add { writeEvidence(scorer.contributions[Int(i)], to: $0, scalarBase: scalarBase) }
                }
            }
            for i in outcome.polarity {
                totals.polarity.add { writeEvidence(scorer.contributions[Int(i)], to: $0, scalarBase: scalarBase) }
            }
            Outcome.addTopicWeights(of: matcher.topics, lexicon: lexicon, to: &totals.topicWeights)
            scalarBase += Int(analyzer.scalarOffset(Int32(analyzer.originalUnits.count)))
        }
        let (stance, dominant) = Outcome.stance(positive: totals.positive, negative: totals.negative, policy: policy)
        writeHead(stance: stance, dominant: dominant, score: totals.positive - totals.negative,
                  topic: Outcome.heaviestTopic(totals.topicWeights) ?? lexicon.defaultTopic, to: out)
        for (k, slot) in totals.signals.enumerated() {
            if k > 0 { out.append(0x2C) }
            writeSignalHead(slot.signal, strength: slot.strength, conditional: slot.conditional, to: out)
            slot.evidence.bytes.withBytes { out.append($0) }
            out.append(0x5D)
            Self.writeOmitted(slot.evidence.omitted, to: out)
            out.append(0x7D)
        }
        JSONBytes.append("],\"evidence\":[", to: out)
        totals.polarity.bytes.withBytes { out.append($0) }
        out.append(0x5D)
        Self.writeOmitted(totals.polarity.omitted, to: out)
        return stance
    }

    /// Byte ranges of `utf8` of at most `limit` bytes each, ending after a sentence end (。！？!?
    /// or a line break) in the second half of the range when there is one, else at a character
    /// boundary.
    static func segments(_ utf8: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while utf8.count - start > limit {
            var end = start + limit
            var p = end - 1
            var found = false
            while p >= start + limit / 2 {
                let b = utf8[p]
                if b == 0x0A || b == 0x21 || b == 0x3F { found = true; end = p + 1; break }
                if p >= 2 && ((utf8[p - 2] == 0xE3 && utf8[p - 1] == 0x80 && b == 0x82)  // 。
                    || (utf8[p - 2] == 0xEF && utf8[p - 1] == 0xBC && (b == 0x81 || b == 0x9F))) {  // ！？
                    found = true
                    end = p + 1
                    break
                }
                p -= 1
            }
            if !found {
                while end > start + 1 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
            }
            out.append(start..<end)
            start = end
        }
        out.append(start..<utf8.count)
        return out
    }
}

/// What the segments of one long text add up to.
struct SegmentTotals {
    /// Evidence written as JSON, at most `Classifier.evidenceLimit` pieces, and how many more.
    struct EvidenceList {
        let bytes = ByteBuffer(capacity: 256)
        var written = 0, omitted = 0

        mutating func add(_ write: (ByteBuffer) -> Void) {
            guard written < Classifier.evidenceLimit else { omitted += 1; return }
            if written > 0 { bytes.append(0x2C) }
            write(bytes)
            written += 1
        }
    }

    struct Signal {
        let signal: Int32
        var strength: Double
        var conditional: Bool
        var evidence = EvidenceList()
    }

    /// Like `Outcome`: the complaints' sum plus the strongest request of all segments.
    var positive = 0.0, complaints = 0.0, request = 0.0
    var negative: Double { complaints + request }
    /// In order of first appearance in the text.
    var signals: [Signal] = []
    var polarity = EvidenceList()
    /// -infinity: no word of that topic matched.
    var topicWeights: [Double]

    init(topics: Int) { topicWeights = Array(repeating: -.infinity, count: topics) }

    /// The index of `slot`'s signal, merged: the strongest evidence, conditional only when all is.
    mutating func slot(for slot: Outcome.SignalSlot) -> Int {
        if let k = signals.firstIndex(where: { $0.signal == slot.signal }) {
            signals[k].strength = max(signals[k].strength, slot.strength)
            signals[k].conditional = signals[k].conditional && slot.conditional
            return k
        }
        signals.append(Signal(signal: slot.signal, strength: slot.strength, conditional: slot.conditional))
        return signals.count - 1
    }
}
