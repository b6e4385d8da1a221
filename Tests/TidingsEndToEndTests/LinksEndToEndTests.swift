import Foundation
import XCTest
import TidingsTestSupport

/// The real binary opening links: `$BROWSER` is a script that writes down its arguments, one per line,
/// so the test sees that each URL arrived whole, as one argument, with no shell reading it; a
/// `javascript:` link is not opened and the screen says so; `y` reaches tmux's clipboard through OSC 52.
final class LinksEndToEndTests: EndToEndTestCase {
    /// Shell metacharacters without spaces: a shell would cut the URL at `;` or run `$(…)`.
    static let storyURL = "https://example.com/story?a=1&b=2;$(touch${IFS}pwned)"
    static let secondLink = "https://example.com/two#part"

    var calls: String { folder + "/browser-calls.txt" }
    var browser: String { folder + "/browser.sh" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        let story: [String: Any] = [
            "id": "LINKS1", "format": "tidings", "title": "Harbour ferry links", "author": "tidewatcher",
            "url": Self.storyURL, "body": ["See the timetable and the map."],
            "links": ["https://example.com/one", Self.secondLink], "comments": [],
        ]
        let trap: [String: Any] = [
            "id": "LINKS2", "format": "tidings", "title": "A story that links to a script", "url": "javascript:alert(1)",
            "body": ["Nothing to see."], "links": [], "comments": [],
        ]
        let lines = try [story, trap].map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        try EndToEnd.write(lines.joined(separator: "\n") + "\n", to: folder + "/stories/links.jsonl")
        // Each argument on a line of its own, then a line that ends the call.
        try EndToEnd.write("#!/bin/sh\nfor argument in \"$@\"; do printf 'arg:%s\\n' \"$argument\" >> '\(calls)'; done\necho end >> '\(calls)'\n",
                           to: browser)
        chmod(browser, 0o755)
    }

    func start(environment: [String]) throws -> TmuxSession {
        let command = EndToEnd.command(binary, [folder + "/stories", "--state", folder + "/state.json"], environment: environment)
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        tmux.waitFor("the story") { $0.contains("Stories 1/2") && $0.contains("See the timetable") }
        return tmux
    }

    /// The browser runs in the background: waits for its calls to be written.
    func waitForCalls(_ count: Int) -> [String] {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: calls, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").filter({ $0 == "end" }).count >= count {
                return text.split(separator: "\n").map(String.init)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the browser was not called \(count) times")
        return []
    }

    func testOAndANumberOpenTheURLsAsSingleArguments() throws {
        let tmux = try start(environment: ["BROWSER=\(browser) --new-tab"])
        tmux.send("o")
        tmux.waitFor(text: "Opening https://example.com/story")
        XCTAssertEqual(waitForCalls(1), ["arg:--new-tab", "arg:" + Self.storyURL, "end"])
        tmux.send("Tab")
        tmux.waitFor(text: "← stories")
        tmux.send("2")
        tmux.waitFor(text: "Opening \(Self.secondLink)")
        XCTAssertEqual(waitForCalls(2), ["arg:--new-tab", "arg:" + Self.storyURL, "end", "arg:--new-tab", "arg:" + Self.secondLink, "end"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/pwned"), "no shell read the URL")
        XCTAssertFalse(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/pwned"))
        tmux.send("3")
        tmux.waitFor(text: "No link [3] in the story text: it has 2")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testAJavascriptLinkIsShownNotOpened() throws {
        let tmux = try start(environment: ["BROWSER=\(browser)"])
        tmux.send("Down")
        tmux.waitFor(text: "Stories 2/2")
        tmux.send("o")
        let screen = tmux.waitFor(text: "Not opened (only http, https and mailto links open): javascript:alert(1)")
        XCTAssertTrue(screen.contains("[0] javascript:alert(1)"), "the link is still shown in the story text")
        tmux.send("y")
        tmux.waitFor(text: "Not copied (only http, https and mailto links open)")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: calls), "the browser was never started")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testABrowserThatCannotStartIsNamed() throws {
        let tmux = try start(environment: ["BROWSER=/nonexistent/browser-of-nobody"])
        tmux.send("o")
        tmux.waitFor(text: "Could not start /nonexistent/browser-of-nobody: No such file or directory")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }

    func testYCopiesThroughTheTerminal() throws {
        let tmux = try start(environment: ["BROWSER=\(browser)"])
        // tmux keeps what an application sets through OSC 52 as a paste buffer when allowed to.
        _ = TmuxSession.run(["tmux", "-L", tmux.socket, "set-option", "-s", "set-clipboard", "on"])
        tmux.send("y")
        tmux.waitFor(text: "Copied https://example.com/story")
        let deadline = Date().addingTimeInterval(5)
        var buffer = ""
        while Date() < deadline {
            buffer = TmuxSession.run(["tmux", "-L", tmux.socket, "show-buffer"]).output
            if buffer == Self.storyURL { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(buffer, Self.storyURL)
        XCTAssertFalse(FileManager.default.fileExists(atPath: calls), "copying starts no browser")
        tmux.send("q")
        tmux.waitFor("the reader to exit") { _ in tmux.hasExited }
    }
}
