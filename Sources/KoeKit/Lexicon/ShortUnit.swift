/// A line of `units.tsv`: a kana word or word piece that `koe tokenize` cuts ICU's words into, so
/// its output follows the short units of Japanese corpora (UniDic, UD Japanese): ICU keeps
/// ました or ありません whole where they are まし|た and あり|ませ|ん. A `unit` is a word of its
/// own (particles, auxiliaries, kana verbs in each form); an `ending` is the kana a verb or
/// adjective written with one kanji ends in (入|っ|て → 入っ|て, 言|わ|れ → 言わ|れ).
public struct ShortUnit: Sendable, Equatable {
    public enum Kind: String, Sendable { case unit, ending }

    public let text: String
    public let kind: Kind
    public let location: SourceLocation

    /// Longest unit, in UTF-16 units (hiragana are one each).
    public static let maximumLength = 4
}

extension LexiconParser {
    mutating func parseUnit(_ c: [Substring], _ n: Int) {
        let text = c.first.map { String($0.trimmingSpaces) } ?? ""
        guard c.count >= 2, !text.isEmpty else { return error(n, 1, "expected 'kana<TAB>unit|ending'") }
        guard text.unicodeScalars.allSatisfy({ (0x3041...0x309F).contains($0.value) }) else {
            return error(n, 1, "'\(text)': a unit is written in hiragana only")
        }
        guard text.utf16.count <= ShortUnit.maximumLength else {
            return error(n, 1, "'\(text)': a unit has at most \(ShortUnit.maximumLength) kana")
        }
        let kindText = String(c[1].trimmingSpaces)
        guard let kind = ShortUnit.Kind(rawValue: kindText) else {
            return error(n, text.count + 2, "unknown unit kind '\(kindText)' (unit or ending)")
        }
        result.units.append(ShortUnit(text: text, kind: kind, location: loc(n)))
    }
}
