extension Classifier {
    /// Classifies UTF-8 text and appends its labels as JSON object members, without braces:
    /// `,"stance":…,"dominant":…,"score":…,"topic":…,"signals":[…],"evidence":[…]`. The same
    /// values as `classify(utf8:)`, written straight from the scorer's buffers. When the text
    /// cannot be classified, it throws and appends nothing.
    /// A text longer than `segmentBytes` is classified a run of sentences at a time
    /// (`Classifier+Segments.swift`), so its memory does not grow with its length.
    public func classifyJSON(utf8: UnsafeBufferPointer<UInt8>, appendingTo out: ByteBuffer) throws -> Stance {
        try classifyJSON(utf8: utf8, appendingTo: out, segmentBytes: Self.segmentBytes)
    }

    func classifyJSON(utf8: UnsafeBufferPointer<UInt8>, appendingTo out: ByteBuffer, segmentBytes: Int) throws -> Stance {
        if utf8.count > segmentBytes { return try classifySegmentsJSON(utf8: utf8, appendingTo: out, segmentBytes: segmentBytes) }
        try run(utf8)
        writeJSON(to: out)
        return outcome.stance
    }

    private func writeJSON(to out: ByteBuffer) {
        writeHead(stance: outcome.stance, dominant: outcome.dominant, score: outcome.positive - outcome.negative,
                  topic: outcome.topic, to: out)
        for (k, slot) in outcome.signals.enumerated() {
            if k > 0 { out.append(0x2C) }
            writeSignalHead(slot.signal, strength: slot.strength, conditional: slot.conditional, to: out)
            var written = 0, omitted = 0
            outcome.forEachMember(of: slot) { i in
                guard written < Self.evidenceLimit else { omitted += 1; return }
                if written > 0 { out.append(0x2C) }
                written += 1
                writeEvidence(scorer.contributions[Int(i)], to: out)
            }
            out.append(0x5D)
            Self.writeOmitted(omitted, to: out)
            out.append(0x7D)
        }
        JSONBytes.append("],\"evidence\":[", to: out)
        for (k, i) in outcome.polarity.prefix(Self.evidenceLimit).enumerated() {
            if k > 0 { out.append(0x2C) }
            writeEvidence(scorer.contributions[Int(i)], to: out)
        }
        out.append(0x5D)
        Self.writeOmitted(outcome.polarity.count - min(outcome.polarity.count, Self.evidenceLimit), to: out)
    }

    /// `,"stance":…,"dominant":…,"score":…,"topic":…,"signals":[` — `topic` nil for the default.
    func writeHead(stance: Stance, dominant: Stance?, score: Double, topic: Int32?, to out: ByteBuffer) {
        JSONBytes.append(",\"stance\":\"", to: out)
        JSONBytes.append(stance.jsonName, to: out)
        JSONBytes.append("\",\"dominant\":", to: out)
        if let d = dominant {
            out.append(0x22)
            JSONBytes.append(d.jsonName, to: out)
            out.append(0x22)
        } else {
            JSONBytes.append("null", to: out)
        }
        JSONBytes.append(",\"score\":", to: out)
        JSONBytes.appendNumber(Outcome.rounded(score), to: out)
        JSONBytes.append(",\"topic\":", to: out)
        // `lexicon.json` read in place: a local copy of the fragments retains and releases
        // each of their arrays, per record and per piece of evidence.
        lexicon.json.topic.append(Int(topic ?? Int32(lexicon.json.topic.count - 1)), to: out)
        JSONBytes.append(",\"signals\":[", to: out)
    }

    /// `{"id":…,"family":…,"strength":…,"conditional":…,"evidence":[` of one signal.
    func writeSignalHead(_ signal: Int32, strength: Double, conditional: Bool, to out: ByteBuffer) {
        lexicon.json.signal.append(Int(signal), to: out)
        JSONBytes.append(",\"strength\":", to: out)
        JSONBytes.appendNumber(Outcome.rounded(strength), to: out)
        JSONBytes.append(conditional ? ",\"conditional\":true" : ",\"conditional\":false", to: out)
        JSONBytes.append(",\"evidence\":[", to: out)
    }

    /// `,"evidence_omitted":N` after an evidence list that was cut at `evidenceLimit`.
    static func writeOmitted(_ omitted: Int, to out: ByteBuffer) {
        guard omitted > 0 else { return }
        JSONBytes.append(",\"evidence_omitted\":", to: out)
        JSONBytes.appendDecimal(omitted, to: out)
    }

    /// One piece of evidence; `scalarBase` is added to its offsets (the scalars of the text
    /// before the segment being classified).
    func writeEvidence(_ c: Contribution, to out: ByteBuffer, scalarBase: Int = 0) {
        let start = analyzer.originalStart(c.hit.start), end = analyzer.originalEnd(c.hit.end)
        JSONBytes.append("{\"text\":", to: out)
        JSONBytes.appendString(utf16: analyzer.originalUnits, from: Int(start), to: Int(end), to: out)
        JSONBytes.append(",\"start\":", to: out)
        JSONBytes.appendDecimal(scalarBase + Int(analyzer.scalarOffset(start)), to: out)
        JSONBytes.append(",\"end\":", to: out)
        JSONBytes.appendDecimal(scalarBase + Int(analyzer.scalarOffset(end)), to: out)
        lexicon.json.entry.append(Int(c.hit.entry), to: out)
        JSONBytes.append(",\"contribution\":", to: out)
        JSONBytes.appendNumber(Outcome.rounded(c.value), to: out)
        JSONBytes.append(",\"rules\":[", to: out)
        var first = true
        scorer.log.forEach(of: c) { rule in
            if !first { out.append(0x2C) }
            first = false
            out.append(0x22)
            JSONBytes.append(rule.kind.name, to: out)
            if rule.entry >= 0 {
                out.append(0x28)
                lexicon.json.pattern.append(Int(rule.entry), to: out)
                out.append(0x29)
            }
            out.append(0x22)
        }
        JSONBytes.append("]}", to: out)
    }
}

extension Stance {
    /// The raw value as a static string, for writing without a `String`.
    var jsonName: StaticString {
        switch self {
        case .dissatisfaction: "dissatisfaction"
        case .success: "success"
        case .neutral: "neutral"
        case .mixed: "mixed"
        }
    }
}
