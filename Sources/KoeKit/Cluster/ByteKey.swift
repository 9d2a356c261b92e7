/// A `String` as a hash key by its UTF-8 bytes. Swift hashes and compares a non-ASCII `String`
/// through its NFC form, which is slow; for normalised text (the analyser's words and the
/// features built of them) equal words have equal bytes, so the bytes are key enough.
struct ByteKey: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.string.utf8.elementsEqual(b.string.utf8)
    }
}
