/// Kanji as the rules see them: the CJK unified ideographs and extension A.
enum Kanji {
    @inline(__always)
    static func contains(_ u: UInt16) -> Bool { (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) }
}
