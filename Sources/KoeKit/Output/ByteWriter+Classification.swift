extension ByteWriter {
    /// Writes one classification as a JSON object (without the closing brace, so callers can
    /// append pass-through fields): `{"id":…,"stance":…,"dominant":…,"score":…,"topic":…,
    /// "signals":[…],"evidence":[…]`.
    public func appendClassification(_ c: Classification, idJSON: String) {
        append("{\"id\":")
        append(idJSON)
        append(",\"stance\":\"")
        append(c.stance.rawValue)
        append("\",\"dominant\":")
        if let d = c.dominant { append("\""); append(d.rawValue); append("\"") } else { append("null") }
        append(",\"score\":")
        appendNumber(c.score)
        append(",\"topic\":")
        appendJSONString(c.topic)
        append(",\"signals\":[")
        for (i, s) in c.signals.enumerated() {
            if i > 0 { append(0x2C) }
            append("{\"id\":")
            appendJSONString(s.id)
            append(",\"family\":\"")
            append(s.family.rawValue)
            append("\",\"strength\":")
            appendNumber(s.strength)
            append(s.conditional ? ",\"conditional\":true" : ",\"conditional\":false")
            append(",\"evidence\":")
            appendEvidence(s.evidence)
            append("}")
        }
        append("],\"evidence\":")
        appendEvidence(c.evidence)
    }

    private func appendEvidence(_ list: [Evidence]) {
        append(0x5B)
        for (i, e) in list.enumerated() {
            if i > 0 { append(0x2C) }
            append("{\"text\":")
            appendJSONString(e.text)
            append(",\"start\":")
            appendDecimal(e.start)
            append(",\"end\":")
            appendDecimal(e.end)
            append(",\"entry\":")
            appendJSONString(e.entry)
            append(",\"pattern\":")
            appendJSONString(e.pattern)
            append(",\"contribution\":")
            appendNumber(e.contribution)
            append(",\"rules\":[")
            for (k, r) in e.rules.enumerated() {
                if k > 0 { append(0x2C) }
                appendJSONString(r)
            }
            append("]}")
        }
        append(0x5D)
    }

    /// A finite number with at most two decimals, JSON-compatible (`-0` is written as `0`).
    public func appendNumber(_ x: Double) {
        let r = (x * 100).rounded() / 100
        if r == 0 { append("0"); return }
        if r == r.rounded() { append(String(Int(r))) } else { append(String(r)) }
    }
}
