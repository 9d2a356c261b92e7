import Testing
@testable import KoeKit

/// `NameTable` interns strings by their bytes: dense ids in order of first insertion, found
/// again after the table grew, and never two names mistaken for one.
@Suite struct NameTableTests {
    /// Words that share prefixes, lengths and characters (written for this test).
    static let words: [String] = (0..<3000).map { k in
        ["w:請求書", "w:請求", "a:アプリ>kind:", "code:e-", "w:ｶﾅ", "n:件"][k % 6] + String(k / 6)
    }

    @Test func idsAreDenseInFirstInsertionOrderAcrossGrowth() {
        var table = NameTable(capacity: 4)
        for (k, word) in Self.words.enumerated() {
            let (id, inserted) = table.insert(word)
            #expect(inserted && id == Int32(k), "\(word)")
        }
        // Again, in reverse: every name is found, nothing is added.
        for (k, word) in Self.words.enumerated().reversed() {
            let (id, inserted) = table.insert(word)
            #expect(!inserted && id == Int32(k), "\(word)")
            #expect(table.id(of: word) == Int32(k))
        }
        #expect(table.names.elementsEqual(Self.words))
        #expect(table.id(of: "w:請求書3000") == nil)
        #expect(table.id(of: "") == nil)
    }

    @Test func namesAreEqualOnlyWithEqualBytes() {
        #expect(NameTable.sameBytes("w:請求書", "w:請求書"))
        #expect(!NameTable.sameBytes("w:請求書", "w:請求"))
        #expect(!NameTable.sameBytes("ab", "ba"))
        #expect(!NameTable.sameBytes("w:請求書", "w:請求所"))
    }
}
