/// Immutable values in memory of their own, for the per-line loops of every thread. They read
/// them through `pointer`: no reference counting (threads retaining one array's buffer contend
/// for its count) and no bounds checks (the indices come from the lexicon that built them).
final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let pointer: UnsafePointer<Element>
    let count: Int

    init(_ values: [Element]) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(1, values.count))
        _ = UnsafeMutableBufferPointer(start: memory, count: values.count).initialize(from: values)
        pointer = UnsafePointer(memory)
        count = values.count
    }

    deinit { UnsafeMutablePointer(mutating: pointer).deallocate() }

    subscript(i: Int) -> Element { pointer[i] }
}
