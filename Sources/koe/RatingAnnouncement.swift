import ArgumentParser
import KoeKit

/// The stderr line of `koe report` on the ratings it found: which column, read on which
/// scale (given or guessed), how many values it could not use. Nothing when the input has
/// no rating.
enum RatingAnnouncement {
    static func line(_ ratings: WeeklyReport.Ratings?, columns: [String]) -> String? {
        guard let ratings else { return nil }
        let column = columns.isEmpty ? "the rating column" : "column " + columns.map { "'\($0)'" }.joined(separator: ", ")
        guard let scale = ratings.scale else {
            return "koe: warning: ratings: \(column) holds no readable rating (\(ratings.inputUnreadable) value(s) unreadable); "
                + "koe reads integers such as 4, ４, ★4, 4/5, 4点; name another column with --rating-column"
        }
        let name = scale.kind == .nps ? "NPS \(scale.minimum)–\(scale.maximum)" : "five-point \(scale.minimum)–\(scale.maximum)"
        let how = ratings.scaleSource == "option"
            ? "given by --rating-scale"
            : "guessed from the values; override with --rating-scale nps|five"
        var line = "koe: ratings: \(column) read as \(name) (\(how)): \(ratings.inputRated) value(s), \(ratings.inputUnreadable) unreadable"
        if ratings.inputOutsideScale > 0 { line += ", \(ratings.inputOutsideScale) outside \(scale.minimum)–\(scale.maximum)" }
        return line
    }
}

extension RatingScaleChoice: ExpressibleByArgument {}
