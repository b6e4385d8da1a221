import Foundation

/// How long ago an age as sources write it means ("6 hours ago", "two weeks ago", "yesterday"): the native
/// format and saved pages give only that, and newest first would otherwise put all of them last, in load
/// order. Months and years are taken as 30 and 365 days: enough to order stories, not to date them.
public enum RelativeAge {
    public static func seconds(in text: String) -> TimeInterval? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch words {
        case ["just", "now"], ["now"], ["today"]: return 0
        case ["yesterday"]: return day
        default: break
        }
        guard words.count == 3, words[2] == "ago", let count = number(words[0]) else { return nil }
        var unit = words[1]
        if unit.hasSuffix("s") { unit.removeLast() }
        let seconds: TimeInterval
        switch unit {
        case "second", "sec": seconds = 1
        case "minute", "min": seconds = 60
        case "hour", "hr": seconds = 3_600
        case "day": seconds = day
        case "week": seconds = 7 * day
        case "month": seconds = 30 * day
        case "year": seconds = 365 * day
        default: return nil
        }
        return Double(count) * seconds
    }

    private static let day: TimeInterval = 86_400
    private static let words = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12]

    private static func number(_ word: String) -> Int? { Int(word).flatMap { $0 >= 0 ? $0 : nil } ?? words[word] }
}
