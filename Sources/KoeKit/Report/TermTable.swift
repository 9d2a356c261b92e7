/// The content terms of every week of a report's input, each stored once (`PackedNames`).
/// Weeks count terms by id (`TermCounts`), so a term that many weeks use costs its bytes
/// once: on text that rarely repeats most words of a week are new, and a copy per week grew
/// with the input.
struct TermTable: Sendable {
    private(set) var table = PackedNames()
    /// By term id, the item that last asked for it (`ids(of:)`): a term counts once per item.
    private var lastItem: [Int] = []
    private var item = 0

    /// The ids of an item's `words`, each once, in order of first appearance.
    mutating func ids(of words: [String]) -> [Int32] {
        item += 1
        var out: [Int32] = []
        out.reserveCapacity(words.count)
        for w in words {
            let (id, inserted) = table.insert(w)
            if inserted {
                lastItem.append(item)
                out.append(id)
            } else if lastItem[Int(id)] != item {
                lastItem[Int(id)] = item
                out.append(id)
            }
        }
        return out
    }

    func name(_ id: Int32) -> String { table.name(id) }
}
