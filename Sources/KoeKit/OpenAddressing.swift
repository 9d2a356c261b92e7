/// Linear-probing slots shared by koe's hash tables (lexicon keys, names, terms, feature sets):
/// a slot holds an entry's index + 1, 0 when empty; the table doubles at half load.
enum OpenAddressing {
    /// Doubles `slots` and places entries `0..<count` again, each probing from `home(i, mask)`.
    static func grow(_ slots: inout [Int32], count: Int, home: (Int, Int) -> Int) {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for i in 0..<count {
            var slot = home(i, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }
}
