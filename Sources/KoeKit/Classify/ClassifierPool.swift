import Dispatch
import Foundation

/// One classifier per worker thread, for classifying batches on all cores while keeping the
/// input order. ICU break iterators are not thread-safe, so each worker owns its classifier
/// and only ever touches it from its own `concurrentPerform` iteration.
public final class ClassifierPool: @unchecked Sendable {
    private let classifiers: [Classifier]

    public var jobs: Int { classifiers.count }

    public init(lexicon: CompiledLexicon, jobs: Int, policy: ScoringPolicy = ScoringPolicy()) throws {
        let first = try Classifier(lexicon: lexicon, policy: policy)
        var all = [first]
        for _ in 1..<max(1, jobs) { all.append(try first.copy()) }
        classifiers = all
    }

    /// `body(classifier, item)` for every item; results come back in input order (work is
    /// shared out as in `mapSlices`).
    public func map<T, R>(_ items: [T], _ body: (Classifier, T) -> R) -> [R] {
        mapSlices(items) { classifier, slice in slice.map { body(classifier, $0) } }.flatMap { $0 }
    }

    /// `body(classifier, slice)` for contiguous slices of `items`; the results come back in
    /// slice order. Lets a worker write a whole slice into one buffer. The workers take slices
    /// in turn, large ones first and ever smaller ones after (guided scheduling), so a worker
    /// that drew short texts takes more of them and neither waits long for the other at the
    /// end of a batch.
    public func mapSlices<T, R>(_ items: [T], _ body: (Classifier, ArraySlice<T>) -> R) -> [R] {
        let n = items.count
        guard n > 0 else { return [] }
        if classifiers.count == 1 || n < 64 { return [body(classifiers[0], items[...])] }
        let workers = classifiers.count
        let bounds = Self.sliceBounds(count: n, workers: workers)
        let slices = bounds.count - 1
        let results = UnsafeMutablePointer<R>.allocate(capacity: slices)
        defer { results.deallocate() }
        let counter = SliceCounter()
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let items = items
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                while let s = counter.take(below: slices) {
                    (results + s).initialize(to: body(self.classifiers[w], items[bounds[s]..<bounds[s + 1]]))
                }
            }
        }
        let out = Array(UnsafeBufferPointer(start: results, count: slices))
        results.deinitialize(count: slices)
        return out
    }
}

extension ClassifierPool {
    /// Slice bounds for `count` items: each slice takes a share of what is left (at least 16
    /// items), so the last slices are small.
    static func sliceBounds(count: Int, workers: Int) -> [Int] {
        var bounds = [0]
        var done = 0
        while done < count {
            done = min(count, done + max(16, (count - done) / (2 * workers)))
            bounds.append(done)
        }
        return bounds
    }
}

/// Hands out slice numbers to the workers of one `mapSlices` call.
private final class SliceCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

extension ClassifierPool {
    /// Classifies batches while the caller reads the next one and writes the previous one:
    /// `next` and `consume` run on the calling thread (reading input, writing results in
    /// batch order), `transform` on the workers (a slice of a batch each). With one job,
    /// everything runs on the calling thread in turn.
    /// With `prefetch` false each batch is consumed before the next is asked for: for
    /// interactive use, where the next batch is not typed yet.
    public func pipeline<T, R>(
        prefetch: Bool = true,
        next: () throws -> [T]?, transform: @escaping (Classifier, ArraySlice<T>) -> R, consume: ([R]) throws -> Void
    ) throws {
        if jobs == 1 || !prefetch {
            while let batch = try next() { try consume(mapSlices(batch, transform)) }
            return
        }
        let queue = DispatchQueue(label: "koe.classifier-pool")
        func start(_ batch: [T]) -> (group: DispatchGroup, box: ResultBox<R>) {
            let box = ResultBox<R>()
            let group = DispatchGroup()
            nonisolated(unsafe) let work = { box.value = self.mapSlices(batch, transform) }
            queue.async(group: group) { work() }
            return (group, box)
        }
        guard let first = try next() else { return }
        var running = start(first)
        while true {
            let following = try next()
            running.group.wait()
            let done = running.box
            // The workers go on with the next batch while this one is written.
            if let following { running = start(following) }
            try consume(done.value)
            if following == nil { return }
        }
    }
}

/// Carries one batch's results from the worker queue back to the caller (after `wait`).
private final class ResultBox<R>: @unchecked Sendable {
    var value: [R] = []
}
