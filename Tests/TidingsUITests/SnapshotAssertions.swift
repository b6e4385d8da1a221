import Foundation
import XCTest
import TidingsUI

/// Text snapshots of screen buffers, stored in Snapshots/<name>.txt beside this file.
/// Run with TIDINGS_RECORD_SNAPSHOTS=1 to write them anew after an intended change, then review the diff.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The screen as text with a `|` after each row, so trailing spaces and the exact width are visible.
    static func text(_ screen: ScreenBuffer) -> String {
        (0..<screen.height).map { screen.row($0) + "|" }.joined(separator: "\n") + "\n"
    }

    static func assert(_ screen: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertRowsFit(screen, file: file, line: line)
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = text(screen)
        let record = ProcessInfo.processInfo.environment["TIDINGS_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { XCTFail("No snapshot \(name) yet: recorded it; check it and run again", file: file, line: line) }
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var report = "Snapshot \(name) differs:\n"
            for index in 0..<max(expectedLines.count, actualLines.count) {
                let want = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
                let got = index < actualLines.count ? String(actualLines[index]) : "<none>"
                if want != got { report += "row \(index)\n  expected: \(want)\n  actual:   \(got)\n" }
            }
            XCTFail(report, file: file, line: line)
        }
    }

    /// Every row must be exactly the screen width in cells, with no half of a wide character left over.
    static func assertRowsFit(_ screen: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<screen.height {
            var cells = 0
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if cell.isContinuation {
                    XCTAssertTrue(x > 0 && !screen[x - 1, y].isContinuation && DisplayWidth.of(Character(screen[x - 1, y].text)) == 2,
                                  "orphan continuation at \(x),\(y)", file: file, line: line)
                    continue
                }
                let width = DisplayWidth.of(Character(cell.text))
                XCTAssertTrue(width == 1 || (width == 2 && x + 1 < screen.width && screen[x + 1, y].isContinuation),
                              "cell \(x),\(y) '\(cell.text)' width \(width) does not fit", file: file, line: line)
                cells += 1
            }
            _ = cells
        }
    }
}
