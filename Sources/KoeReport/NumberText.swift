/// Deterministic number formatting for report text: no locale, no `String(format:)`, the same
/// digits on every machine. Negative numbers use U+2212 MINUS SIGN, zero deltas read `±0`.
enum NumberText {
    static let minus = "\u{2212}"
    static let missing = "—"

    /// `3210` → `3,210`.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return n < 0 ? minus + out : out
    }

    /// `3210` → `3,210件`.
    static func items(_ n: Int) -> String { count(n) + "件" }

    /// `x` rounded half away from zero to `places` decimals: `decimal(3.14159, 2)` → `3.14`.
    static func decimal(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return missing }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e15 else { return missing }
        let units = Int(scaled)
        let whole = count(units / scale)
        let sign = x < 0 && units != 0 ? minus : ""
        guard places > 0 else { return sign + whole }
        let fraction = String(units % scale)
        return sign + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A share in tenths of a percent (`0.3121` → `312`), the unit all displayed rates share,
    /// so that a displayed delta always equals the difference of the displayed rates.
    static func permille(_ share: Double) -> Int {
        guard share.isFinite else { return 0 }
        return Int((share * 1000).rounded(.toNearestOrAwayFromZero))
    }

    /// `0.3121` → `31.2%`.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return missing }
        return tenths(permille(share)) + "%"
    }

    /// Difference of two shares in percentage points, from the displayed (rounded) rates:
    /// `+3.2pt`, `−0.4pt`, `±0.0pt`.
    static func pointDelta(_ share: Double, from previous: Double) -> String {
        let delta = permille(share) - permille(previous)
        return signPrefix(delta) + tenths(abs(delta)) + "pt"
    }

    /// `18` → `+18`, `-3` → `−3`, `0` → `±0`.
    static func signed(_ n: Int) -> String { signPrefix(n) + count(abs(n)) }

    /// Relative change: `+4.2%`; `—` when the base is zero.
    static func percentChange(_ current: Int, from previous: Int) -> String {
        guard previous > 0 else { return missing }
        let change = Double(current - previous) / Double(previous)
        let value = permille(change)
        return signPrefix(value) + tenths(abs(value)) + "%"
    }

    /// A signed decimal with explicit `+`: `+3.4`, `−1.2`.
    static func signedDecimal(_ x: Double, places: Int) -> String {
        let text = decimal(x, places: places)
        guard x.isFinite, !text.hasPrefix(minus) else { return text }
        return (text.allSatisfy { $0 == "0" || $0 == "." } ? "±" : "+") + text
    }

    private static func signPrefix(_ n: Int) -> String { n > 0 ? "+" : n < 0 ? minus : "±" }

    private static func tenths(_ units: Int) -> String {
        let sign = units < 0 ? minus : ""
        let magnitude = units.magnitude
        return sign + count(Int(magnitude / 10)) + "." + String(magnitude % 10)
    }
}
