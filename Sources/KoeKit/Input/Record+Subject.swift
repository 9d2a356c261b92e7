extension Record {
    /// What koe classifies of a record: its subject line (a ticket's 件名, a review's title) and
    /// its body, joined by a line break, as every command reads them (`koe classify`, `koe report`).
    /// A review's title is often its clearest complaint (★1 起動しない). `subjectLength`: how many
    /// Unicode scalars at the start are the subject and its line break (0 without a subject):
    /// issue grouping weighs those words less (`IssueFeatureWeight.subject`).
    public var classifiedText: (text: String, subjectLength: Int) {
        guard let subject, !subject.isEmpty else { return (text, 0) }
        return (subject + "\n" + text, subject.unicodeScalars.count + 1)
    }
}

extension Record {
    /// The `subjectLength` of a `koe classify` line read back (`koe cluster`): its `"subject"`
    /// when `"text"` starts with it and a line break, else 0 (an edited line is read as all body).
    public static func subjectLength(ofClassified text: String, subject: String?) -> Int {
        guard let subject, !subject.isEmpty, text.hasPrefix(subject + "\n") else { return 0 }
        return subject.unicodeScalars.count + 1
    }
}
