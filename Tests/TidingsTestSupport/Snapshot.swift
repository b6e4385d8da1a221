import Foundation
import XCTest
import TidingsUI

/// Snapshots of screen buffers with their styles, stored in `Snapshots/<name>.txt` beside the test file.
/// Run with TIDINGS_RECORD_SNAPSHOTS=1 to write them anew after an intended change, then review the diff.
public enum Snapshot {
    /// The screen as text with a `|` after each row (so trailing spaces and the exact width show), then one
    /// row of style letters per screen row, one letter per cell, and a legend naming each letter's style.
    public static func text(_ screen: ScreenBuffer) -> String {
        var out = (0..<screen.height).map { screen.row($0) + "|" }.joined(separator: "\n") + "\n"
        var letters: [Style: Character] = [:]
        var legend: [(Character, Style)] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        out += "styles:\n"
        for y in 0..<screen.height {
            var row = ""
            for x in 0..<screen.width {
                let style = screen[x, y].style
                if letters[style] == nil {
                    let letter = legend.count < alphabet.count ? alphabet[legend.count] : "?"
                    letters[style] = letter
                    legend.append((letter, style))
                }
                row.append(letters[style]!)
            }
            out += row + "\n"
        }
        for (letter, style) in legend { out += "\(letter): \(describe(style))\n" }
        return out
    }

    /// "accent bold reverse": the role (when not plain) and the attributes that are on.
    public static func describe(_ style: Style) -> String {
        var words: [String] = style.color == .plain ? [] : ["\(style.color)"]
        if style.bold { words.append("bold") }
        if style.reverse { words.append("reverse") }
        if style.dim { words.append("dim") }
        if style.underline { words.append("underline") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }

    public static func assert(_ screen: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertRowsFit(screen, file: file, line: line)
        let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
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
                if want != got { report += "line \(index)\n  expected: \(want)\n  actual:   \(got)\n" }
            }
            XCTFail(report, file: file, line: line)
        }
    }

    /// Every row must be exactly the screen width in cells, with no half of a wide character left over.
    public static func assertRowsFit(_ screen: ScreenBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<screen.height {
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
            }
        }
    }
}
