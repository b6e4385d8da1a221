import Foundation
import XCTest
import TidingsModel
import TidingsTestSupport
@testable import TidingsUI

/// The whole list sorted by title (packed 16-byte starts, `titleRanks`) comes out exactly as the order used
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
        XCTAssertEqual(listed.suffix(2).map { titles[$0] }, [nil, nil], "untitled last")
    }

    func testTheQuickStartIsTheStartOfTheKeyForEveryCharacterItTakes() {
        let ranges: [ClosedRange<UInt32>] = [1...0xFF, 0x400...0x45F, 0x2000...0x206F, 0x2190...0x23FF, 0x2500...0x27BF,
                                             0x3000...0x30FF, 0x3130...0x318F, 0x4E00...0x4FFF, 0x9F00...0x9FFF,
                                             0xAC00...0xAD00, 0xD700...0xD7A3, 0xFE00...0xFE0F, 0x1F300...0x1FAFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let title = String(repeating: String(scalar), count: 3) + "Tail"
                var prefix = [UInt8](repeating: 0, count: 16)
                XCTAssertTrue(AppState.titleKeyStart(title, into: &prefix), "U+\(String(value, radix: 16))")
                let key = Array(title.lowercased().utf8.prefix(16))
                XCTAssertEqual(AppState.titleKey(title), Array(title.lowercased().utf8), "U+\(String(value, radix: 16))")
                XCTAssertEqual(Array(prefix.prefix(key.count)), key, "U+\(String(value, radix: 16))")
            }
        }
        var prefix = [UInt8](repeating: 0, count: 16)
        XCTAssertFalse(AppState.titleKeyStart("Ωmega", into: &prefix), "Greek goes the long way")
    }
}
