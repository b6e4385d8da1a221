import Foundation
import XCTest
import TidingsTestSupport

/// Scripts whose clusters hold several characters (Devanagari vowel signs and conjuncts, Thai, Tamil,
/// Bengali, Myanmar, a Hangul syllable written in jamo) reach the terminal whole in the real binary, and
/// rows keep their width.
final class ScriptsEndToEndTests: EndToEndTestCase {
    static let lines = ["नमस्ते हिन्दी किताब क्षमा", "น้ำ ทำ กำลัง", "தமிழ் நன்றி", "বাংলা লক্ষ্মী", "မြန်မာ",
                        "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        // The body, then each line a comment.
        try EndToEnd.write("Scripts\nVia: someone • 1 day ago\n\nBody.\n\n" + Self.lines.joined(separator: "\n\n") + "\n",
                           to: folder + "/stories/scripts.txt")
    }

    func testEveryCharacterReachesTheTerminal() throws {
        let tmux = try startReader([folder + "/stories", "--state", folder + "/state.json"], width: 80, height: 24)
        _ = tmux.waitFor("the list") { $0.contains("Stories 1/1") && $0.contains("q quit") }
        tmux.send("Enter")
        // The last line drawn is the last to wait for: a capture in the middle of a frame has only the first.
        let screen = tmux.waitFor("the text") { $0.contains("q quit") && $0.contains(Self.lines[Self.lines.count - 1]) }
        for line in Self.lines {
            // tmux keeps a syllable's jamo in one cell and gives them back as written.
            XCTAssertTrue(screen.contains(line), "'\(line)' shown whole\n\(screen)")
        }
    }
}
