extension WeeklyReport {
    /// A part of a whole, both counted: the report never stores a bare fraction, so every
    /// percentage it shows can be written with its numerator and denominator.
    public struct Share: Codable, Sendable, Equatable {
        public var count: Int
        public var total: Int

        public init(count: Int, total: Int) {
            self.count = count
            self.total = total
        }

        /// `count / total`, 0 when there is no denominator.
        public var value: Double { total > 0 ? Double(count) / Double(total) : 0 }
    }
}
