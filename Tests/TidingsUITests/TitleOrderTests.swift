import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport
@testable import TidingsUI

/// The whole list sorted by title (32-byte starts kept with each entry, `TitleSortKey`) comes out exactly as the order used
/// one story at a time for arrivals (`storyOrder`), on titles made to trip it.
final class TitleOrderTests: XCTestCase {
    func testPackedStartsAgreeWithTheFullComparison() {
        let titles: [String?] = [
            "Zebra", "zebra", "apple", "Apple pie", "apple pie with cream and more", "apple pie with cream and less",
            "apple pie with cream", "Éclair", "éclair au chocolat", "eclair", "ÉCLAIR AU CHOCOLAT NOIR ET BLANC",
            nil, "", "東京の夜行列車", "東京の夜行列車 again", "Straße", "STRASSE", "a", "a\u{0}b", "a\u{0}", nil,
            "1234567890123456", "12345678901234567", "1234567890123456x", "Ωmega", "ωmega and a long tail here",
            "same start 0123456 one", "same start 0123456 two", "Same Start 0123456 two",
            "a title that is long enough to pass thirty-two bytes B", "A title that is long enough to pass thirty-two bytes a",
            "a title that is long enough to pass thirty-two bytes", "Dup", "dup", "Dup", "Ünïcödé title that is long enough to pass 32 bytes z",
            "ünïcödé title that is long enough to pass 32 bytes a", "Ωmega beyond thirty-two bytes of title text, 2", "ωmega beyond thirty-two bytes of title text, 1",
        ]
        var stories: [Story] = []
        for (index, title) in titles.enumerated() {
            var story = StoryBuilder.story("s\(index)", comments: [])
            story.header.title = title
            stories.append(story)
        }
        var state = AppState(stories: stories, width: 80, height: 24)
        while state.sort != .title { state.press(.character("s")) }
        let listed = (0..<state.rows.count).map { state.rows.entry(atRow: $0) }
        let order = state.storyOrder()!
        let expected = Array(stories.indices).sorted(by: order)
        XCTAssertEqual(listed, expected, "\n\(listed.map { titles[$0] ?? "nil" })\n\(expected.map { titles[$0] ?? "nil" })")
        XCTAssertEqual(listed.suffix(3).map { titles[$0] }, [nil, "", nil], "untitled (and empty) last, in load order")
        // Both agree with the plain definition: lower-cased UTF-8 compared byte by byte, untitled last, ties in load order.
        let plain = Array(titles.indices).sorted { a, b in
            func key(_ title: String?) -> [UInt8]? { title.flatMap { $0.isEmpty ? nil : Array($0.lowercased().utf8) } }
            switch (key(titles[a]), key(titles[b])) {
            case let (one?, two?): return one != two ? one.lexicographicallyPrecedes(two) : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        XCTAssertEqual(listed, plain, "\n\(listed.map { titles[$0] ?? "nil" })\n\(plain.map { titles[$0] ?? "nil" })")
    }

    func testTheKeyIsLowerCasedUTF8ForEveryCharacterAndTheStartIsItsFirst32Bytes() {
        let ranges: [ClosedRange<UInt32>] = [1...0x24F, 0x370...0x52F, 0x1E00...0x1FFF, 0x2000...0x206F, 0x2100...0x23FF,
                                             0x2500...0x27BF, 0x2C00...0x2C7F, 0x3000...0x30FF, 0x3130...0x318F, 0x4E00...0x4FFF,
                                             0x9F00...0x9FFF, 0xA640...0xA7FF, 0xAC00...0xAD00, 0xD700...0xD7A3, 0xFE00...0xFE0F,
                                             0xFF00...0xFFEF, 0x10400...0x1044F, 0x1F300...0x1FAFF]
        func assertStart(_ title: String, _ label: String) {
            let key = Array(title.lowercased().utf8)
            let start = TitleSortKey(title)
            let padded = Array(key.prefix(32)) + Array(repeating: 0, count: max(0, 32 - key.count))
            func word(_ offset: Int) -> UInt64 { padded[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            XCTAssertEqual([start.k0, start.k1, start.k2, start.k3], [word(0), word(8), word(16), word(24)], label)
            XCTAssertEqual(start.isWhole, key.count <= 32, label)
            if key.count <= 32 { XCTAssertEqual(start.length, key.count, label) }
        }
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let label = "U+\(String(value, radix: 16))"
                let title = String(repeating: String(scalar), count: 3) + "Tail"
                XCTAssertEqual(TitleSortKey.key(title), Array(title.lowercased().utf8), label)
                // The character across the start's end (byte 32), and as the start's last bytes.
                assertStart(String(repeating: "a", count: 30) + String(repeating: String(scalar), count: 3), label)
                assertStart(String(repeating: "B", count: 31) + String(scalar), label)
            }
        }
        for title in ["İstanbul", "ΟΔΟΣ", "Straße ẞ", "ǅemal", "ＡＢＣ", "Ω" + String(repeating: "Σ", count: 20)] {
            XCTAssertEqual(TitleSortKey.key(title), Array(title.lowercased().utf8), title)
            assertStart(title, title)
        }
        XCTAssertEqual(TitleSortKey(""), .untitled, "an empty title sorts with the untitled")
        XCTAssertEqual(TitleSortKey(" \t "), .untitled)
    }
}
