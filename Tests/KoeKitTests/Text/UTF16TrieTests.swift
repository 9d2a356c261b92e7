import Testing
@testable import KoeKit

/// The trie against the obvious definition: every key that starts at a position, shortest
/// first, with its value (the last index of equal keys; digits all one unit).
@Suite struct UTF16TrieTests {
    /// All (end, value) pairs for keys starting at `start`, by comparing every key.
    static func naiveMatches(_ keys: [[UInt16]], _ text: [UInt16], from start: Int) -> [(Int, Int32)] {
        let folded = keys.map { $0.map(UTF16Trie.fold) }
        var byEnd: [Int: Int32] = [:]
        for (i, key) in folded.enumerated() where !key.isEmpty && start + key.count <= text.count {
            if zip(key, text[start...]).allSatisfy({ $0 == UTF16Trie.fold($1) }) { byEnd[start + key.count] = Int32(i) }
        }
        return byEnd.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func matches(_ trie: UTF16Trie, _ text: [UInt16], from start: Int) -> [(Int, Int32)] {
        var out: [(Int, Int32)] = []
        text.withUnsafeBufferPointer { buffer in
            trie.forEachMatch(in: buffer, from: start) { end, value in out.append((end, value)) }
        }
        return out
    }

    @Test func findsEveryKeyShortestFirst() {
        let keys = ["解約", "解約したい", "解", "約", "したい", "し", "3日", "ログイン", "ログ", "ロ"].map { Array($0.utf16) }
        let trie = UTF16Trie(keys: keys)
        let text = Array("解約したい5日ログイン".utf16)
        #expect(Self.matches(trie, text, from: 0).map(\.0) == [1, 2, 5])
        #expect(Self.matches(trie, text, from: 0).map(\.1) == [2, 0, 1])
        #expect(Self.matches(trie, text, from: 5).map(\.1) == [6])  // 5日 ≡ 3日
        #expect(Self.matches(trie, text, from: 7).map(\.1) == [9, 8, 7])
        #expect(!trie.isEmpty)
        #expect(UTF16Trie(keys: []).isEmpty)
        #expect(UTF16Trie(keys: [[]]).isEmpty)
    }

    /// Random keys over a small alphabet (so that they share prefixes, and nodes have one to
    /// many children), matched from every position of random texts.
    @Test(arguments: 1...20)
    func agreesWithComparingEveryKey(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet: [UInt16] = Array("あいうかきアイ解約01９".utf16) + (seed % 2 == 0 ? [0x31, 0x35, 0xFFFF] : [0x0])
        let keys = (0..<Int.random(in: 1...300, using: &rng)).map { _ in
            (0..<Int.random(in: 0...7, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        let trie = UTF16Trie(keys: keys)
        for _ in 0..<20 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            var everyStart: [(Int, Int, Int32)] = []
            for start in 0...text.count {
                let got = Self.matches(trie, text, from: start), want = Self.naiveMatches(keys, text, from: start)
                #expect(got.map(\.0) == want.map(\.0) && got.map(\.1) == want.map(\.1), "seed \(seed) at \(start)")
                everyStart += want.map { (start, $0.0, $0.1) }
            }
            // The walk over the whole text: every position's matches, by start.
            var whole: [(Int, Int, Int32)] = []
            text.withUnsafeBufferPointer { buffer in trie.forEachMatch(in: buffer) { whole.append(($0, $1, $2)) } }
            #expect(whole.map(\.0) == everyStart.map(\.0) && whole.map(\.1) == everyStart.map(\.1)
                && whole.map(\.2) == everyStart.map(\.2), "seed \(seed): whole text")
        }
    }

    /// A node with very many children (every unit after one prefix): the binary search over
    /// the children records finds each.
    @Test func wideNodes() {
        let keys = (0..<3000).map { [0x3042, 0x3044, UInt16(0x4E00 + $0 * 7)] }
        let trie = UTF16Trie(keys: keys)
        for k in [0, 1, 1499, 2999] {
            #expect(Self.matches(trie, keys[k], from: 0).map(\.1) == [Int32(k)])
        }
        #expect(Self.matches(trie, [0x3042, 0x3044, 0x4E01], from: 0).isEmpty)
    }

    /// The key order the trie is built from, against sorting the keys as arrays.
    @Test(arguments: 1...10)
    func keyOrderIsLexicographicThenByIndex(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet: [UInt16] = [0, 1, 0x30, 0x3042, 0x3043, 0x4E00, 0xFFFF]
        let keys = (0..<Int.random(in: 0...2000, using: &rng)).map { _ in
            (0..<Int.random(in: 0...9, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        }
        var flat = FlatKeys()
        for key in keys { flat.append(key) }
        let want = keys.indices.sorted { i, j in
            keys[i] == keys[j] ? i < j : keys[i].lexicographicallyPrecedes(keys[j])
        }
        #expect(flat.sortedOrder().map(Int.init) == want)
    }
}
