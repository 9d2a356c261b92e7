/// Pre-escaped JSON pieces of a compiled lexicon, built once, so that results are written
/// without making a string per record.
struct JSONFragments: Sendable {
    /// Entry -> `,"entry":"file:line","pattern":"…"`.
    let entry: ByteTable
    /// Entry -> its pattern, escaped, without quotes (for `negation(ません)`).
    let pattern: ByteTable
    /// Signal -> `{"id":"…","family":"…"`.
    let signal: ByteTable
    /// Topic -> `"…"`; the last row is `"other"`, for texts without a topic.
    let topic: ByteTable

    init(entry: ByteTable, pattern: ByteTable, signal: ByteTable, topic: ByteTable) {
        self.entry = entry
        self.pattern = pattern
        self.signal = signal
        self.topic = topic
    }

    init(locations: [String], patterns: [String], signalIDs: [String], families: [SignalFamily], topicIDs: [String]) {
        entry = ByteTable(zip(locations, patterns).map { location, pattern in
            let out = ByteBuffer()
            JSONBytes.append(",\"entry\":", to: out)
            JSONBytes.appendString(location, to: out)
            JSONBytes.append(",\"pattern\":", to: out)
            JSONBytes.appendString(pattern, to: out)
            return out.array
        })
        pattern = ByteTable(patterns.map { pattern in
            let out = ByteBuffer()
            JSONBytes.appendString(pattern, to: out)
            return Array(out.array.dropFirst().dropLast())
        })
        signal = ByteTable(zip(signalIDs, families).map { id, family in
            let out = ByteBuffer()
            JSONBytes.append("{\"id\":", to: out)
            JSONBytes.appendString(id, to: out)
            JSONBytes.append(",\"family\":", to: out)
            JSONBytes.appendString(family.rawValue, to: out)
            return out.array
        })
        topic = ByteTable((topicIDs + [Outcome.otherTopic]).map { id in
            let out = ByteBuffer()
            JSONBytes.appendString(id, to: out)
            return out.array
        })
    }
}

/// Byte strings in one flat array: row `i` is `bytes[start[i]..<start[i + 1]]`.
struct ByteTable: Sendable {
    private let bytes: [UInt8]
    private let start: [Int32]

    init(_ rows: [[UInt8]]) {
        var bytes: [UInt8] = [], start: [Int32] = [0]
        for row in rows {
            bytes += row
            start.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.start = start
    }

    /// A table as `bytes` and `start` read back (for the lexicon cache).
    init(bytes: [UInt8], start: [Int32]) throws {
        guard let first = start.first, first == 0, start.last.map({ Int($0) == bytes.count }) == true,
            zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw CacheFormatError(description: "bad byte table") }
        self.bytes = bytes
        self.start = start
    }

    func write(to out: inout CacheWriter) {
        out.array(bytes)
        out.array(start)
    }

    var count: Int { start.count - 1 }

    func append(_ i: Int, to out: ByteBuffer) {
        let lo = Int(start[i]), hi = Int(start[i + 1])
        bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }
}
