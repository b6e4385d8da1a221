import Foundation

/// How long ago an age as sources write it means ("6 hours ago", "two weeks ago", "yesterday"): the native
/// format and saved pages give only that, and newest first would otherwise put all of them last, in load
/// order. Months and years are taken as 30 and 365 days: enough to order stories, not to date them.
public enum RelativeAge {
    public static func seconds(in text: String) -> TimeInterval? {
        // Every list entry of a native story reads its age once: the usual ASCII text is read in its bytes,
        // with nothing made on the heap; anything else takes the general way below.
        var text = text
        if let quick = text.withUTF8(quickSeconds) { return quick }
        return generalSeconds(in: text)
    }

    /// The age of ASCII text read in place: nil when the text is not ASCII (then the general way decides),
    /// else the answer (itself nil for no age).
    private static func quickSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> TimeInterval?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Up to four words, lower-cased into a small buffer each (longer words match nothing anyway).
        var words: [(start: Int, end: Int)] = []
        words.reserveCapacity(4)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            words.append((start, index))
            if words.count > 3 { return .some(nil) }
        }
        func word(_ number: Int) -> String {
            let (start, end) = words[number]
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        }
        // Words of up to 15 bytes are kept inline in a String: these make nothing on the heap.
        switch words.count {
        case 1:
            switch word(0) {
            case "now", "today": return .some(0)
            case "yesterday": return .some(day)
            default: return .some(nil)
            }
        case 2: return .some(word(0) == "just" && word(1) == "now" ? 0 : nil)
        case 3:
            guard word(2) == "ago", let count = number(word(0)) else { return .some(nil) }
            return .some(unitSeconds(word(1)).map { Double(count) * $0 })
        default: return .some(nil)
        }
    }

    /// The general way alone, for the test that compares the two.
    static func generalSecondsForTests(in text: String) -> TimeInterval? { generalSeconds(in: text) }

    private static func generalSeconds(in text: String) -> TimeInterval? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch words {
        case ["just", "now"], ["now"], ["today"]: return 0
        case ["yesterday"]: return day
        default: break
        }
        guard words.count == 3, words[2] == "ago", let count = number(words[0]) else { return nil }
        return unitSeconds(words[1]).map { Double(count) * $0 }
    }

    /// The seconds of a unit word ("hours", "min").
    private static func unitSeconds(_ word: String) -> TimeInterval? {
        var unit = word
        if unit.hasSuffix("s") { unit.removeLast() }
        switch unit {
        case "second", "sec": return 1
        case "minute", "min": return 60
        case "hour", "hr": return 3_600
        case "day": return day
        case "week": return 7 * day
        case "month": return 30 * day
        case "year": return 365 * day
        default: return nil
        }
    }

    private static let day: TimeInterval = 86_400
    private static let words = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12]

    private static func number(_ word: String) -> Int? { Int(word).flatMap { $0 >= 0 ? $0 : nil } ?? words[word] }
}
