/// One lexicon match on the normalised text: `start..<end` in normalised UTF-16 units.
struct Hit: Equatable, Sendable {
    var start: Int32
    var end: Int32
    var entry: Int32

    var length: Int32 { end - start }

    func overlaps(_ other: Hit) -> Bool { start < other.end && other.start < end }
}
