/// The texts, signals and problem phrases of the items a week keeps whole, stored once each:
/// the same ticket sent again (or a form letter) is kept as often as it came, but its text
/// and what was found in it share one storage. Texts are compared by their bytes
/// (`ByteKey`); signals and phrases are shared only when equal to the stored ones.
struct KeptContent {
    private var byText: [ByteKey: (text: String, signals: [ReportItem.SignalHit], phrases: [IssuePhrase])] = [:]

    /// Points `item`'s text, signals and phrases at the stored copies of equal ones, storing
    /// them when its text is new.
    mutating func share(_ item: inout ReportItem) {
        let key = ByteKey(item.text)
        guard let stored = byText[key] else {
            byText[key] = (item.text, item.signals, item.features.phrases)
            return
        }
        item.text = stored.text
        if stored.signals == item.signals { item.signals = stored.signals }
        if stored.phrases == item.features.phrases { item.features.phrases = stored.phrases }
    }
}
