import Foundation

/// Comparisons of byte ranges by `memcmp`: names are compared for every element, and the generic
/// `elementsEqual` costs a call per byte.
extension Array where Element == UInt8 {
    /// Whether `self[range]` is exactly `text`. A range outside the array is never equal.
    @inline(__always)
    func bytes(_ range: Range<Int>, equal text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard range.count == count, range.lowerBound >= 0, range.upperBound <= self.count else { return false }
        return withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return count == 0 }
            return memcmp(base + range.lowerBound, text.utf8Start, count) == 0
        }
    }

    /// Whether two ranges of the array hold the same bytes.
    func bytes(_ first: Range<Int>, equal second: Range<Int>) -> Bool {
        guard first.count == second.count, first.lowerBound >= 0, second.lowerBound >= 0,
              first.upperBound <= count, second.upperBound <= count else { return false }
        return withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            return memcmp(base + first.lowerBound, base + second.lowerBound, first.count) == 0
        }
    }
}
