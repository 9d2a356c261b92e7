import Dispatch

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

    /// `body(classifier, item)` for every item; results come back in input order. Work is
    /// split into contiguous slices, one per worker.
    public func map<T, R>(_ items: [T], _ body: (Classifier, T) -> R) -> [R] {
        mapSlices(items) { classifier, slice in slice.map { body(classifier, $0) } }.flatMap { $0 }
    }

    /// `body(classifier, slice)` for contiguous slices of `items`, one per worker (one slice
    /// when the batch is small); the results come back in slice order. Lets a worker write a
    /// whole slice into one buffer.
    public func mapSlices<T, R>(_ items: [T], _ body: (Classifier, ArraySlice<T>) -> R) -> [R] {
        let n = items.count
        guard n > 0 else { return [] }
        if classifiers.count == 1 || n < 64 { return [body(classifiers[0], items[...])] }
        let workers = classifiers.count
        let results = UnsafeMutablePointer<R>.allocate(capacity: workers)
        defer { results.deallocate() }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let items = items
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lo = n * w / workers, hi = n * (w + 1) / workers
                (results + w).initialize(to: body(self.classifiers[w], items[lo..<hi]))
            }
        }
        let out = Array(UnsafeBufferPointer(start: results, count: workers))
        results.deinitialize(count: workers)
        return out
    }
}

extension ClassifierPool {
    /// Classifies batches while the caller reads the next one: `next` runs on the calling
    /// thread (reading input), `transform` on the workers (a slice of the batch each),
    /// `consume` on the calling thread in batch order (writing output). Keeps both cores busy
    /// while input is parsed.
    public func pipeline<T, R>(
        next: () throws -> [T]?, transform: @escaping (Classifier, ArraySlice<T>) -> R, consume: ([R]) throws -> Void
    ) throws {
        let queue = DispatchQueue(label: "koe.classifier-pool")
        var current = try next()
        while let batch = current {
            let box = ResultBox<R>()
            let group = DispatchGroup()
            nonisolated(unsafe) let work = { box.value = self.mapSlices(batch, transform) }
            queue.async(group: group) { work() }
            current = try next()
            group.wait()
            try consume(box.value)
        }
    }
}

/// Carries one batch's results from the worker queue back to the caller (after `wait`).
private final class ResultBox<R>: @unchecked Sendable {
    var value: [R] = []
}
