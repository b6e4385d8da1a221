import XCTest
@testable import tidings

/// The lines of keys, found in the text the way TOML lets them be written.
final class ConfigLinesTests: XCTestCase {
    func testKeysTablesAndDottedKeys() {
        let lines = ConfigLines("""
            # a comment with [brackets] = "and a key"
            sort = "path"   # trailing
            keys.list.quit = ["q"]

            [colors]
              accent = "cyan"
            "quoted key" = 1
            "\\u00e9t\\u00E9" = 1
            'literal' = 2
            a . "b.c" . d = 3
            [ keys . "comments" ]
            move-up = [
              "Up",
              "k",
            ]
            text = \"\"\"
            [not.a.table]
            fake = 1
            \"\"\"
            move-down = ["Down"]
            [[list]]
            item = 1
            """)
        XCTAssertEqual(lines.line(of: ["sort"]), 2)
        XCTAssertEqual(lines.line(of: ["keys"]), 3)
        XCTAssertEqual(lines.line(of: ["keys", "list", "quit"]), 3)
        XCTAssertEqual(lines.line(of: ["colors"]), 5)
        XCTAssertEqual(lines.line(of: ["colors", "accent"]), 6)
        XCTAssertEqual(lines.line(of: ["colors", "quoted key"]), 7)
        XCTAssertEqual(lines.line(of: ["colors", "été"]), 8, "escapes in quoted keys")
        XCTAssertEqual(lines.line(of: ["colors", "literal"]), 9)
        XCTAssertEqual(lines.line(of: ["colors", "a", "b.c", "d"]), 10)
        XCTAssertEqual(lines.line(of: ["keys", "comments"]), 11)
        XCTAssertEqual(lines.line(of: ["keys", "comments", "move-up"]), 12)
        XCTAssertEqual(lines.line(of: ["keys", "comments", "text"]), 16)
        XCTAssertEqual(lines.line(of: ["not", "a", "table"]), nil, "inside a multi-line string")
        XCTAssertEqual(lines.line(of: ["keys", "comments", "fake"]), 11, "not a key: the nearest enclosing table")
        XCTAssertEqual(lines.line(of: ["keys", "comments", "move-down"]), 20)
        XCTAssertEqual(lines.line(of: ["list", "item"]), 22)
        XCTAssertEqual(lines.line(of: ["colors", "missing"]), 5, "a key not written: its table's line")
        XCTAssertEqual(lines.line(of: ["nothing"]), nil)
    }

    func testCarriageReturnsCountAsTheParserCountsThem() {
        let lines = ConfigLines("a = 1\r\nb = 2\r\n[c]\r\nd = 3\n")
        XCTAssertEqual(lines.line(of: ["b"]), 2)
        XCTAssertEqual(lines.line(of: ["c", "d"]), 4)
    }
}
