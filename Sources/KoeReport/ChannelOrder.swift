import KoeKit

/// One stable channel order for tables, stacked bars and legends: the report week's channels
/// by count (then name), then channels seen only in earlier weeks by their total (then name).
struct ChannelOrder: Sendable {
    let channels: [String]

    init(_ volume: WeeklyReport.Volume) {
        let current = volume.channels
            .sorted { ($1.count, $0.channel) < ($0.count, $1.channel) }
            .map(\.channel)
        var totals: [String: Int] = [:]
        for week in volume.weeks {
            for (channel, count) in week.byChannel { totals[channel, default: 0] += count }
        }
        let known = Set(current)
        let earlier = totals.filter { !known.contains($0.key) }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map(\.key)
        channels = current + earlier
    }

    /// At most `limit` columns or series: past that the smallest channels fold into one
    /// "other" (so a file with 44 channel values still gives a table a page can hold).
    func folded(limit: Int) -> [(name: String, channels: [String])] {
        guard channels.count > limit else { return channels.map { (DisplayLabels.channel($0), [$0]) } }
        return channels.prefix(limit - 1).map { (DisplayLabels.channel($0), [$0]) }
            + [(ReportText.otherChannels, Array(channels.dropFirst(limit - 1)))]
    }
}
