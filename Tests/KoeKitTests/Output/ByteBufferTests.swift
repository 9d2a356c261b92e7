import Testing
@testable import KoeKit

@Suite struct ByteBufferTests {
    /// Whatever the mix of single bytes, runs and strings, and however often it grows, the
    /// buffer holds what an array would.
    @Test func holdsWhatAnArrayWould() {
        var random = SeededGenerator(seed: 21)
        for _ in 0..<200 {
            let buffer = ByteBuffer(capacity: Int.random(in: 0...8, using: &random))
            var expected: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    let b = UInt8.random(in: 0...255, using: &random)
                    buffer.append(b)
                    expected.append(b)
                case 1:
                    let run = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                    run.withUnsafeBufferPointer { buffer.append($0) }
                    expected += run
                default:
                    let s = ["", "声", "koe", "解約します", "\u{1F600}"][Int.random(in: 0..<5, using: &random)]
                    buffer.append(s)
                    expected += Array(s.utf8)
                }
            }
            #expect(buffer.array == expected)
            #expect(buffer.count == expected.count)
            buffer.withBytes { #expect(Array($0) == expected) }
            buffer.removeAll()
            #expect(buffer.isEmpty && buffer.array.isEmpty)
        }
    }

    @Test func reversesOnlyTheTail() {
        let buffer = ByteBuffer(capacity: 2)
        buffer.append("ab12345")
        buffer.reverseTail(from: 2)
        #expect(String(decoding: buffer.array, as: UTF8.self) == "ab54321")
        buffer.reverseTail(from: 7)
        #expect(String(decoding: buffer.array, as: UTF8.self) == "ab54321")
    }
}
