import Foundation
import TidingsTestSupport
import TidingsUI
import XCTest
@testable import tidings

/// Config files damaged at random (characters dropped, doubled, replaced with TOML's own punctuation) never
/// crash or hang the reader of them, and every problem they cause names a line in the file.
final class ConfigMutationTests: XCTestCase {
    func testDamagedConfigsGiveMessagesNeverCrashes() {
        let original = Array(DefaultConfig.text())
        let pieces: [String] = ["[", "]", "{", "}", "\"", "'", "\"\"\"", "=", ".", ",", "#", "\n", "\\", "\\u0000", "[[", "x", "-1",
                                "99999999999999999999", "true", "1979-05-27", "é", "\u{202E}", " "]
        let environment = ProcessInfo.processInfo.environment
        var random = SeededRandom(seed: environment["TIDINGS_CONFIG_HUNT"].flatMap(UInt64.init) ?? 12)
        let rounds = environment["TIDINGS_CONFIG_HUNT"] != nil ? 20_000 : 300
        var syntaxErrors = 0
        for _ in 0..<rounds {
            var text = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.remove(at: at)
                case 1: text.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                default: text.replaceSubrange(at..<min(text.count, at + 3), with: pieces.randomElement(using: &random)!)
                }
            }
            let damaged = String(text)
            if ProcessInfo.processInfo.environment["TIDINGS_CONFIG_HUNT"] != nil {
                try? damaged.write(toFile: "/tmp/cf-last.toml", atomically: false, encoding: .utf8)
            }
            let lineCount = damaged.split(separator: "\n", omittingEmptySubsequences: false).count
            let reader = ConfigReader(damaged)
            for problem in reader.problems {
                if let line = problem.line { XCTAssertTrue((1...lineCount + 1).contains(line), "line \(line) of \(lineCount): \(problem.text)") }
                if problem.text.contains("nothing in the file was applied") { syntaxErrors += 1 }
            }
            XCTAssertNil(reader.settings.keyMap.missingEssential, "no damage leaves the reader without quit or help")
        }
        XCTAssertGreaterThan(syntaxErrors, 10, "the damage reaches the parser")
        XCTAssertLessThan(syntaxErrors, rounds, "and some files still parse")
    }

    /// toml++ asserts on a `}` where an array expects a value, and on a table header whose key starts with
    /// something no key starts with; such text is refused before it is parsed.
    func testWhatTheParserWouldAssertOnIsRefusedBeforeIt() {
        for text in ["a = [}]", "a = [ }]", "a = [1, }]", "a = [\n  # c\n  }\n]", "a = {b = ]}", "a = [[1, 2}]",
                     "[&", "[[[1]]]", "[[=", "[ #x]", "[[\n", "[", "[ [a]]", "[.a]",
                     "[a" + String(repeating: ".a", count: 16) + "]", "a" + String(repeating: ".a", count: 16) + " = 1",
                     "x = {a" + String(repeating: " . 'a'", count: 16) + " = 1}", "x = [\n{a" + String(repeating: ".a", count: 16) + " = 1}]"] {
            let reader = ConfigReader("sort = \"title\"\n" + text + "\n")
            XCTAssertEqual(reader.problems.map(\.text),
                           ["a table header without a name, a bracket closing one of the other kind (] for {, } for [), or a key of more than 16 dotted parts; nothing in the file was applied, the defaults are used"], text)
            XCTAssertEqual(reader.settings, .standard, text)
        }
        XCTAssertEqual(ConfigReader("a = [1, 2}]").problems.first?.line, 1)
        XCTAssertEqual(ConfigReader("[ok]\n[ \"quoted\" ]\n[ bare . 'x' ]\n[[list]]\n[[ list ]]\n").problems.map(\.line), [1, 2, 3, 4],
                       "headers that are fine: only unknown settings")
        XCTAssertEqual(ConfigReader("\na = [\n1,\n}").problems.first?.line, 4)
        XCTAssertEqual(ConfigReader("a = \"[}\"\nb = '{]'\nc = \"\"\"\n[}\n\"\"\"\n# [}\n").problems.map(\.line), [1, 2, 3],
                       "in strings and comments they are text: only the three unknown settings")
    }

    func testDeepNestingIsASyntaxErrorNotACrash() {
        let deep = "x = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let reader = ConfigReader(deep)
        XCTAssertEqual(reader.problems.count, 1)
        XCTAssertEqual(reader.problems.first?.line, 1)
        let inline = "x = " + String(repeating: "{a=", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        XCTAssertEqual(ConfigReader(inline).problems.count, 1)
        // Dotted keys nest without brackets, and the parser walks tables by recursion: refused before it.
        for text in ["[colors]\naccent" + String(repeating: ".a", count: 200_000) + " = 1\n",
                     "[keys" + String(repeating: ".b", count: 200_000) + "]\n",
                     "x = {" + String(repeating: "a.", count: 200_000) + "a = 1}\n"] {
            XCTAssertEqual(ConfigReader(text).problems.count, 1)
        }
        // Fifteen parts are still handed on, and a table where a colour should be is named, not printed.
        let dotted = "[colors]\naccent" + String(repeating: ".a", count: 14) + " = 1\n"
        XCTAssertEqual(ConfigReader(dotted).problems.map { $0.message(path: "c") }, [
            "c line 2: bad colour a table for accent: give a name (black, red, green, yellow, blue, magenta, cyan, white, bright-red…, default), a number 0-255 or \"#rrggbb\"",
        ])
    }
}
