extension Evidence {
    /// Whether the matched text has a letter (kana, kanji, Latin …) that is no numeral. A
    /// match of marks and digits only — a rating such as ★1 — says how bad, not what is wrong:
    /// it makes no problem phrase and no problem sentence for issue grouping, or every
    /// low-rated review would share a phrase and weigh its title as the problem.
    var namesSomething: Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic && $0.properties.numericType == nil }
    }
}
