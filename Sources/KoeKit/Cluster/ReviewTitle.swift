/// A subject line that starts with a rating mark (★2 通知が来ない, ☆☆☆ 重い) is a review's
/// title: the customer wrote it to sum up their complaint, where a ticket's subject is often a
/// form's category or an agent's note shared by unrelated tickets (アプリの不具合). Issue
/// grouping weighs a title's words twice a subject's (`IssueFeatureWeight.reviewTitle`).
enum ReviewTitle {
    /// Whether the subject line at the start of `scalars` (`subjectLength` scalars, its line
    /// break included; 0 without a subject) is a review's title.
    static func isTitle(_ scalars: [Unicode.Scalar], subjectLength: Int) -> Bool {
        guard subjectLength > 1, let first = scalars.first else { return false }
        return ratingMarks.contains(first)
    }

    /// Marks that open a rating (★4, ☆☆★★★); a digit or 星 alone opens plenty of other subjects.
    static let ratingMarks: Set<Unicode.Scalar> = ["★", "☆"]
}
