import Foundation
@testable import KoeKit

/// A small synthetic lexicon written to a temporary folder: a few words of known weight and one
/// rule word per role, so a scoring test can state the exact score a rule must give. The
/// shipped lexicons change every week; these numbers only change when a scoring rule does.
enum MiniLexicon {
    static let signals = """
        churn_intent\tdissatisfaction\t解約意向
        thanks_given\tsuccess\t感謝
        question_asked\taction\t質問
        ease_praised\tsuccess\t使いやすさ
        """

    /// Weights are chosen so each rule's constant shows in the score (0.3 sits on the
    /// thresholds, 2 and 0.5 make the mixed ratio visible).
    static let words = """
        不具合\tneg\t1\t-
        使えない\tneg\t1\t-
        便利\tpos\t1\tadj-na
        悪い\tneg\t1\tadj-i
        早い\tpos\t0.3\tadj-i
        最高\tpos\t2\tadj-na
        楽しい\tpos\t1\tadj-i
        楽しむ\tpos\t1\tv5
        感謝\tpos\t1\tvs
        感謝\tthanks_given\t1\tvs
        良い\tpos\t1\tadj-i
        使いやすい\tease_praised\t1\tadj-i
        遅い\tneg\t0.3\tadj-i
        解約する\tchurn_intent\t1\tvs
        どうなる\tquestion_asked\t1\tv5
        解約したい\tchurn_intent\t1\t-
        解約したい\tquestion_asked\t1\t-
        との依頼\tquestion_asked\t1\t-
        休止\tchurn_intent\t1\t-
        ことはできますか\tquestion_asked\t1\t-
        (ことはできますか|ことは可能ですか)\tquestion_asked\t1.5\t-
        ようにしてください\tquestion_asked\t1\t-
        雑\tneg\t1\tadj-na
        動かなく\tneg\t1\tprefix
        継続で\tease_praised\t1\t-
        待っても\tneg\t1\t-
        楽しい時間\tnone\t1\t-
        丁寧\tpos\t1\t-
        丁寧\tthanks_given\t1\t-
        (丁寧|叮嚀)\tpos\t0.5\t-
        書類をお送りいただけない\tneg\t1\t-
        お送りいただけ\tquestion_asked\t1\t-
        返事が来ない\tneg\t1\tprefix
        面倒だった…{4}便利\tpos\t1\t-
        [書類の]申請…{4}進まない\tneg\t1\t-
        """

    static let rules = """
        かな。\trule:question\t1\t-
        けど\trule:contrast\t1\t-
        さすが\trule:sarcasm\t1\t-
        たら\trule:conditional\t1\t-
        ですか\trule:question\t1\t-
        ますか\trule:question\t1\t-
        できません\trule:inability\t1\t-
        てください\trule:suggestion\t0.3\t-
        でお願いします\trule:suggestion\t0.3\t-
        とか言われてる\trule:hearsay\t1\t-
        とても\trule:intensifier\t1.5\t-
        全然\trule:emphatic\t1.5\t-
        ずに\trule:negator\t1\t-
        直せ\trule:imperative\t1.25\t-
        のだけ\trule:minor\t0.5\t-
        ない\trule:negator\t1\t-
        なくなった\trule:absence\t2.5\t-
        なくはない\trule:double_negation\t1\t-
        なら\trule:conditional\t1\t-
        れば\trule:conditional\t1\t-
        のに\trule:contrast\t2\t-
        はありません\trule:absence\t1\t-
        ば良かった\trule:suggestion\t1\t-
        と良い\trule:suggestion\t1\tprefix
        以前は\trule:past\t1\t-
        について\trule:case\t1\t-
        雪で不具合\trule:circumstance\t1\t-
        雪で解約\trule:circumstance\t1\t-
        係：\trule:agent_turn\t1\t-
        もあります\trule:presence\t1\t-
        出来なかった\trule:inability\t1\t-
        少し\trule:hedge\t0.5\t-
        申し訳ない\trule:pseudo_negation\t1\t-
        いただけないでしょうか\trule:pseudo_negation\t1\t-
        ないし\trule:pseudo_negation\t1\t-
        。\trule:clause_end\t1\t-
        """

    static let compiled: CompiledLexicon = {
        do {
            let (lexicon, diagnostics) = try TemporaryLexicon.load([
                ["signals.tsv": signals + "\n", "entries.tsv": words + "\n", "rules.tsv": rules + "\n"]
            ])
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else { preconditionFailure("mini lexicon: \(errors)") }
            return try CompiledLexicon(lexicon)
        } catch {
            preconditionFailure("cannot build the mini lexicon: \(error)")
        }
    }()

    static func classifier() throws -> Classifier { try Classifier(lexicon: compiled) }
}
