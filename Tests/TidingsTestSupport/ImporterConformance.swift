import Foundation
import XCTest
import TidingsModel
import TidingsUI

/// What every importer must do with every file it reads, checked the same way for each format: ids stable
/// across reloads, list entries that agree with the full story, and the story on screen with no control
/// character and every row exactly its width.
public enum ImporterConformance {
    public static func check(_ importer: any Importer, bytes: [UInt8], path: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        let first: [Story]
        let second: [Story]
        do {
            first = try importer.stories(in: bytes, path: path)
            second = try importer.stories(in: bytes, path: path)
        } catch {
            return XCTFail("\(importer.name) could not read \(path): \(error)", file: file, line: line)
        }
        XCTAssertFalse(first.isEmpty, "\(path): no story", file: file, line: line)
        XCTAssertEqual(first.map(\.id), second.map(\.id), "\(path): story ids change between reloads", file: file, line: line)
        XCTAssertEqual(first.map { $0.comments.map(\.id) }, second.map { $0.comments.map(\.id) },
                       "\(path): comment ids change between reloads", file: file, line: line)
        for story in first {
            XCTAssertEqual(Set(story.comments.map(\.id)).count, story.comments.count, "\(path): two comments share an id",
                           file: file, line: line)
        }

        // The list entries agree with the full stories, with and without read marks.
        var marks = ReadState()
        for story in first { marks.setComments(story.comments.prefix(2).map(\.id), in: story.id, read: true) }
        for readState in [ReadState(), marks] {
            guard let entries = try? importer.entries(in: bytes, path: path, readState: readState) else {
                return XCTFail("\(path): entries failed after a parse", file: file, line: line)
            }
            XCTAssertEqual(entries.map(\.summary), first.map(\.summary), "\(path): summary differs from the story",
                           file: file, line: line)
            XCTAssertEqual(entries.map(\.unreadComments), first.map { readState.unreadCount(of: $0) },
                           "\(path): unread counts differ", file: file, line: line)
        }

        // On screen: nothing raw reaches a cell, every row is exactly the screen's width.
        for (width, height) in [(120, 40), (80, 24), (60, 20), (30, 8)] {
            var state = AppState(stories: first, width: width, height: height)
            for keys in [[KeyPress](), [.tab], [.tab, .end], [.tab, .end]] {
                state.press(keys)
                let screen = state.render()
                Snapshot.assertRowsFit(screen, file: file, line: line)
                for cell in screen.cells where cell.text.unicodeScalars.contains(where: isRaw) {
                    XCTFail("\(path): a raw control reached the screen: \(cell.text.unicodeScalars.map(\.value))",
                            file: file, line: line)
                }
            }
        }
    }

    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200B
    }
}

extension AppState {
    mutating func press(_ keys: [KeyPress]) {
        for key in keys { _ = update(.key(key)) }
    }
}
