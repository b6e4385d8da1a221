/// Small text helpers for header lines.
extension StringProtocol where SubSequence == Substring {
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }

    func trimmingSpaces() -> Substring {
        var result = self[...]
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    func value(afterKey key: String) -> Substring? {
        guard hasPrefix(key) else { return nil }
        return self[index(startIndex, offsetBy: key.count)...].trimmingSpaces()
    }

    var nonEmpty: String? { isEmpty ? nil : String(self) }
}
