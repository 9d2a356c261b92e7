import ArgumentParser
import Foundation
import KoeKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how koe labels a text: tokens, lexicon matches, rules, labels.",
        discussion: """
            Offsets are Unicode scalar offsets into the text as given, end exclusive. Each match \
            names the lexicon line (file:line) it came from; dropped matches say why.
            Example: koe explain "サポートは丁寧だけど、結局解決しなかった"
            """
    )

    @Argument(help: "Texts to explain (default: each line of stdin).")
    var texts: [String] = []

    @Option(name: .customLong("lexicon"), help: HelpText.lexicon)
    var lexicons: [String] = []

    @Flag(help: HelpText.noCache)
    var noCache = false

    func run() throws {
        let classifier = try Classifier(lexicon: loadCompiledLexicon(extra: lexicons, quiet: false, noCache: noCache))
        var inputs = texts
        if inputs.isEmpty {
            while let line = readLine() { inputs.append(line) }
        }
        var out = ""
        for (i, text) in inputs.enumerated() {
            if i > 0 { out += "\n" }
            out += ExplanationPrinter.render(try classifier.explain(text))
        }
        print(out, terminator: "")
    }
}

/// Renders an explanation for people (stdout of `koe explain`).
enum ExplanationPrinter {
    static func render(_ e: Explanation) -> String {
        var s = "text:       \(e.text)\n"
        s += "normalised: \(e.normalized)\n"
        s += "tokens:     \(e.tokens.filter { $0.kind != .space }.map(\.text).joined(separator: "|"))\n"
        s += "matches:\n"
        if e.matches.isEmpty { s += "  (none)\n" }
        for m in e.matches {
            let mark = m.droppedBecause == nil ? "+" : "-"
            s += "  \(mark) [\(m.start)-\(m.end)] \(m.text)  → \(m.target) ×\(format(m.weight))  \(m.entry)"
            if let pattern = m.pattern { s += "  ← \(pattern)" }
            if let why = m.droppedBecause { s += "  (dropped: \(why))" }
            s += "\n"
        }
        let c = e.classification
        s += "contributions:\n"
        let all = c.evidence + c.signals.flatMap(\.evidence)
        if all.isEmpty { s += "  (none)\n" }
        let sorted = all.sorted(by: { ($0.start, $0.entry) < ($1.start, $1.entry) })
        // Requests do not add up: only the strongest (the first of equals) counts in the score.
        let counted = sorted.indices.filter { sorted[$0].request }.min { sorted[$0].contribution < sorted[$1].contribution }
        for (i, ev) in sorted.enumerated() {
            let rules = ev.rules.isEmpty ? "" : "  [\(ev.rules.joined(separator: ", "))]"
            let uncounted = ev.request && i != counted ? "  (not counted: only the strongest request of a text counts)" : ""
            s += "  [\(ev.start)-\(ev.end)] \(ev.text)  \(ev.contribution >= 0 ? "+" : "")\(format(ev.contribution))\(rules)\(uncounted)\n"
        }
        let dominant = c.stance == .mixed ? " (dominant: \(c.dominant?.rawValue ?? "-"))" : ""
        s += "stance:     \(c.stance.rawValue)\(dominant)  score \(format(c.score)) (+\(format(c.positive)) / -\(format(c.negative)))\n"
        let signals = c.signals.map { "\($0.id)\($0.conditional ? " (conditional)" : "") \(format($0.strength))" }
        s += "signals:    \(signals.isEmpty ? "(none)" : signals.joined(separator: ", "))\n"
        s += "topic:      \(c.topic)\n"
        return s
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
