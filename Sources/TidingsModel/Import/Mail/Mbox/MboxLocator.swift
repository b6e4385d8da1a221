/// Where a thread is in an mbox: the bytes from its first message to the end of its last, and its id, as
/// `bytes 1200-56000 <id>`. A thread's messages, and every message that links them, lie in that span, so
/// threading the span alone finds the same thread (docs/DECISIONS.md §24).
enum MboxLocator {
    static func name(_ span: Range<Int>, storyID: String) -> String {
        "bytes \(span.lowerBound)-\(span.upperBound) " + MailImporter.locatorName(storyID)
    }

    static func span(_ locator: String) -> Range<Int>? {
        guard locator.hasPrefix("bytes ") else { return nil }
        let numbers = locator.dropFirst(6).prefix { $0 != " " }.split(separator: "-")
        guard numbers.count == 2, let lower = Int(numbers[0]), let upper = Int(numbers[1]), lower >= 0, lower <= upper else { return nil }
        return lower..<upper
    }
}
