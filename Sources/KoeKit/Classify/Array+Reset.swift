extension Array where Element: BitwiseCopyable {
    /// Makes the array `count` copies of `value`, reusing its storage: the per-line scratch
    /// arrays of the matcher and scorer are refilled this way (a memset, no allocation once
    /// they have grown).
    mutating func reset(to value: Element, count: Int) {
        if self.count < count {
            append(contentsOf: repeatElement(value, count: count - self.count))
        } else {
            removeLast(self.count - count)
        }
        withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }
}
