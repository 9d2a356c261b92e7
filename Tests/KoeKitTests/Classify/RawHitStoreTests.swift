import Testing
@testable import KoeKit

/// The matcher's raw hits live in a store written through a pointer, grown as a line needs.
@Suite struct RawHitStoreTests {
    /// The way the matcher's walk grows it: `grown` as the hits come, `adopt` after.
    @Test func growingKeepsTheHits() {
        let store = RawHitStore(capacity: 4)
        var hits = store.pointer, room = store.capacity, count = 0
        for i in 0..<100 {
            if count == room { (hits, room) = RawHitStore.grown(hits, room: room, keeping: count) }
            hits[count] = RawHit(start: i, end: i + 2, key: Int32(3 * i))
            count += 1
        }
        store.adopt(hits, capacity: room)
        #expect(room >= 100 && room == store.capacity && hits == store.pointer)
        #expect((0..<100).allSatisfy { hits[$0].start == Int32($0) && hits[$0].end == Int32($0 + 2) && hits[$0].key == Int32(3 * $0) })
    }

    /// A line of many sentences holds far more raw hits than the store starts with: each
    /// sentence's matches are those it has alone, moved to where it stands.
    @Test func aLineWithManyHitsMatchesAsItsSentences() throws {
        let lexicon = BuiltInLexicon.compiled
        let sentence = "ログインできなくて困っています。返金の手続きを早くしてほしいです。"
        let analyzer = try TextAnalyzer(userWords: lexicon.userWords)
        var matcher = LexiconMatcher(lexicon: lexicon)
        try analyzer.analyze(sentence)
        try matcher.match(analyzer)
        let one = (matcher.content, matcher.topics, matcher.rules)
        let n = Int32(analyzer.normalizedUnits.count)
        #expect(!one.0.isEmpty && !one.2.isEmpty)
        let copies = 300
        try analyzer.analyze(String(repeating: sentence, count: copies))
        #expect(analyzer.normalizedUnits.count == copies * Int(n))
        try matcher.match(analyzer)
        func moved(_ hits: [Hit]) -> [Hit] {
            (0..<Int32(copies)).flatMap { k in hits.map { Hit(start: $0.start + k * n, end: $0.end + k * n, entry: $0.entry) } }
        }
        #expect(matcher.content == moved(one.0))
        #expect(matcher.topics == moved(one.1))
        #expect(matcher.rules == moved(one.2))
    }
}
