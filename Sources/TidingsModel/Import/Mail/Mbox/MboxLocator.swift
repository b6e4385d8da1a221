import Foundation

/// Where a thread is in an mbox: the bytes from its first message to the end of its last, and its id, as
/// `bytes 1200-56000 <id>`. A thread's messages, and every message that links them, lie in that span, so
/// threading the span alone finds the same thread (docs/DECISIONS.md §24). When its messages are spread
/// over much more than their own size, each is named too (`parts 1200+800,90000+650`), and only they are read.
enum MboxLocator {
    /// A span longer than this, and more than twice its messages' size, names its messages.
    static let spreadLimit = 1 << 20

    static func name(_ span: Range<Int>, storyID: String, parts: [Range<Int>]? = nil) -> String {
        var name = "bytes \(span.lowerBound)-\(span.upperBound) " + MailImporter.locatorName(storyID)
        if let parts { name += " parts " + parts.map { "\($0.lowerBound)+\($0.count)" }.joined(separator: ",") }
        return name
    }

    /// The messages a locator names, when it names them.
    static func parts(_ locator: String) -> [Range<Int>]? {
        guard let marker = locator.range(of: " parts ", options: .backwards) else { return nil }
        var ranges: [Range<Int>] = []
        for part in locator[marker.upperBound...].split(separator: ",") {
            let numbers = part.split(separator: "+")
            guard numbers.count == 2, let start = Int(numbers[0]), let count = Int(numbers[1]), start >= 0, count >= 0,
                  start <= Int.max - count else { return nil }
            ranges.append(start..<(start + count))
        }
        return ranges.isEmpty ? nil : ranges
    }

    static func span(_ locator: String) -> Range<Int>? {
        guard locator.hasPrefix("bytes ") else { return nil }
        let numbers = locator.dropFirst(6).prefix { $0 != " " }.split(separator: "-")
        guard numbers.count == 2, let lower = Int(numbers[0]), let upper = Int(numbers[1]), lower >= 0, lower <= upper else { return nil }
        return lower..<upper
    }
}
