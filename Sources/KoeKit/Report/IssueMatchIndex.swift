import Dispatch
import Foundation

/// Matches items of earlier weeks to the report week's issues (`IssueGrouping.match`) fast:
/// feature names are translated to the grouping's model once, each distinct feature set is
/// matched once, and the similarity to every cluster centre is summed over an inverted index
/// of the centres, touching only the centres that share a feature with the item. The sums
/// add the same products in the same (feature id) order as `SparseVector.dot`, so the result
/// is `IssueGrouping.match`'s.
struct IssueMatchIndex {
    private let grouping: IssueGrouping
    /// Model id of each interned feature name (nil: the model has not seen it).
    private let modelIDs: [Int32?]
    /// Model feature id → (centre, weight), centres in increasing order.
    private var postings: [Int32: [(centre: Int, weight: Double)]] = [:]
    /// Per feature set: its cluster, -1 for none, -2 not matched yet.
    private var matched: [Int32]

    /// Per centre, the similarity summed so far (scratch of `compute`), and which were touched.
    private struct Scratch {
        var sums: [Double]
        var touched: [Int] = []
        var marked: [Bool]

        init(centres: Int) {
            sums = Array(repeating: 0, count: centres)
            marked = Array(repeating: false, count: centres)
        }
    }

    private var scratch: Scratch

    init(_ grouping: IssueGrouping, sets: FeatureSets) {
        self.grouping = grouping
        modelIDs = (0..<sets.nameCount).map { grouping.model.id(of: sets.name(Int32($0))) }
        matched = Array(repeating: -2, count: sets.count)
        scratch = Scratch(centres: grouping.centres.count)
        for (c, centre) in grouping.centres.enumerated() {
            for (id, weight) in centre.entries { postings[id, default: []].append((c, weight)) }
        }
    }

    /// The cluster feature set `set` of `sets` matches (see `IssueGrouping.match`).
    mutating func match(_ set: Int32, in sets: FeatureSets) -> Int? {
        if matched[Int(set)] == -2 { matched[Int(set)] = Int32(compute(sets.range(set), sets, &scratch) ?? -1) }
        let m = matched[Int(set)]
        return m >= 0 ? Int(m) : nil
    }

    /// Matches the sets `wanted` (repeats allowed) now, on all cores: no set's match depends on
    /// another's, and each is the one `match` gives. Text that rarely repeats has a set per
    /// item, and matching the earlier weeks' items one by one ran on one core.
    mutating func matchAll(_ wanted: [Int32], in sets: FeatureSets) {
        var todo: [Int32] = []
        for set in wanted where matched[Int(set)] == -2 {
            matched[Int(set)] = -3  // queued
            todo.append(set)
        }
        let workers = todo.count < 4096 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var results = [Int32](repeating: -1, count: todo.count)
        let index = self, centres = grouping.centres.count, queued = todo
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var scratch = Scratch(centres: centres)
                for k in stride(from: worker, to: queued.count, by: workers) {
                    out[k] = Int32(index.compute(sets.range(queued[k]), sets, &scratch) ?? -1)
                }
            }
        }
        for (k, set) in todo.enumerated() { matched[Int(set)] = results[k] }
    }

    private func compute(_ range: Range<Int>, _ sets: FeatureSets, _ scratch: inout Scratch) -> Int? {
        let modelIDs = self.modelIDs
        let vector = grouping.model.vector(range.lazy.map { (modelIDs[Int(sets.ids[$0])], sets.weight(at: $0)) })
        guard grouping.threshold > 0 else { return grouping.match(vector) }
        for (id, weight) in vector.entries {
            guard let list = postings[id] else { continue }
            for p in list {
                if !scratch.marked[p.centre] { scratch.marked[p.centre] = true; scratch.touched.append(p.centre) }
                scratch.sums[p.centre] += weight * p.weight
            }
        }
        scratch.touched.sort()
        var best: Int?, bestScore = grouping.threshold
        for i in scratch.touched {
            let s = scratch.sums[i]
            if s >= bestScore && (best == nil || s > bestScore) { best = i; bestScore = s }
            scratch.sums[i] = 0
            scratch.marked[i] = false
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return best
    }
}
