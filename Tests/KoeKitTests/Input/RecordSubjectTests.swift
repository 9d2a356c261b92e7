import Testing
@testable import KoeKit

/// Every command classifies a record's subject line with its body (a review's title is often
/// its clearest complaint), and `koe cluster` finds the subject again in a classify line.
@Suite struct RecordSubjectTests {
    @Test func subjectAndBodyAreClassifiedTogether() {
        var record = Record(number: 1, source: "t.csv", line: 2, text: "昨日から何もできません")
        #expect(record.classifiedText == ("昨日から何もできません", 0))
        record.subject = ""
        #expect(record.classifiedText == ("昨日から何もできません", 0))
        record.subject = "★1 起動しない"
        #expect(record.classifiedText == ("★1 起動しない\n昨日から何もできません", 9))
    }

    @Test func clusterReadsTheSubjectBackOnlyWhenTheTextStartsWithIt() {
        #expect(Record.subjectLength(ofClassified: "★1 起動しない\n本文", subject: "★1 起動しない") == 9)
        #expect(Record.subjectLength(ofClassified: "本文だけ", subject: "★1 起動しない") == 0)
        #expect(Record.subjectLength(ofClassified: "★1 起動しない本文", subject: "★1 起動しない") == 0)
        #expect(Record.subjectLength(ofClassified: "本文", subject: nil) == 0)
    }
}
