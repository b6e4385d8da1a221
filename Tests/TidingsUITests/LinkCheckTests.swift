import Foundation
import XCTest
@testable import TidingsUI

/// The check every link passes before it is opened or copied, the `$BROWSER` command lines, the OSC 52
/// sequence and the help's `1-9`.
final class LinkCheckTests: XCTestCase {
    func testWebAndMailAddressesPass() {
        for link in ["https://example.com/a?b=c#d", "http://example.com", "HTTPS://Example.COM/Path", "mailto:someone@example.com",
                     "http://[::1]:8080/", "https://例え.jp/パス", "https://example.com/%7Euser"] {
            XCTAssertEqual(LinkCheck.check(link), .allowed(link), link)
        }
        XCTAssertEqual(LinkCheck.check("  https://example.com/\n"), .allowed("https://example.com/"), "trimmed first")
    }

    func testEverythingElseIsRefusedWithItsReason() {
        let cases: [(String, String)] = [
            ("", "the link is empty"),
            ("javascript:alert(1)", "only http, https and mailto links open"),
            ("JAVASCRIPT:alert(1)", "only http, https and mailto links open"),
            ("file:///etc/passwd", "only http, https and mailto links open"),
            ("ftp://example.com/", "only http, https and mailto links open"),
            ("data:text/html;base64,PHNjcmlwdD4=", "only http, https and mailto links open"),
            ("/item?id=1", "only http, https and mailto links open"),
            ("example.com", "only http, https and mailto links open"),
            ("-–help", "only http, https and mailto links open"),
            ("https://example.com/a b", "it has spaces or control characters"),
            ("https://example.com/a\u{A0}b", "it has spaces or control characters"),
            ("https://example.com/\tx", "it has spaces or control characters"),
            ("https://example.com/\u{1B}[31m", "it has spaces or control characters"),
            ("https://example.com/\u{7F}", "it has spaces or control characters"),
            ("https://example.com/\u{85}x", "it has spaces or control characters"),
            ("https://example.com/\u{202E}", "it has spaces or control characters"),
            ("https://exam\u{200B}ple.com/", "it has spaces or control characters"),
            ("http://", "it names no host"),
            ("https:///path", "it names no host"),
            ("mailto:", "it names no address"),
        ]
        for (link, reason) in cases {
            guard case .refused(_, let given) = LinkCheck.check(link) else { XCTFail("\(link) passed"); continue }
            XCTAssertEqual(given, reason, link)
        }
    }

    func testARefusedLinkIsShownSanitisedAndShortened() {
        guard case .refused(let shown, _) = LinkCheck.check("javascript:\u{1B}]0;title\u{07}x\u{8}") else { return XCTFail() }
        XCTAssertEqual(shown, "javascript:␛x␈")
        guard case .refused(let long, _) = LinkCheck.check("file:///" + String(repeating: "a", count: 100_000)) else { return XCTFail() }
        XCTAssertLessThan(long.count, 5_000, "a huge link is not carried whole into the messages")
    }

    func testBrowserIsSplitOnWhitespaceWithoutAShell() {
        let url = "https://example.com/a?b=c&d=e"
        XCTAssertEqual(BrowserCommand.candidates(browser: nil, url: url), [["xdg-open", url]])
        XCTAssertEqual(BrowserCommand.candidates(browser: "  ", url: url), [["xdg-open", url]])
        XCTAssertEqual(BrowserCommand.candidates(browser: "firefox", url: url), [["firefox", url]])
        XCTAssertEqual(BrowserCommand.candidates(browser: "firefox  --new-tab\t", url: url), [["firefox", "--new-tab", url]])
        XCTAssertEqual(BrowserCommand.candidates(browser: "chromium --app=%s --incognito", url: url),
                       [["chromium", "--app=" + url, "--incognito"]])
        // `:` separates programs to try in order, as `$BROWSER` is usually written.
        XCTAssertEqual(BrowserCommand.candidates(browser: "firefox %s:w3m", url: url), [["firefox", url], ["w3m", url]])
        // Quotes and backslashes are not interpreted: there is no shell, and no quoting either.
        XCTAssertEqual(BrowserCommand.candidates(browser: "\"my browser\" 'a b' c\\ d", url: url),
                       [["\"my", "browser\"", "'a", "b'", "c\\", "d", url]])
        // The URL is one argument whatever it holds; `%s` in it is not replaced again.
        XCTAssertEqual(BrowserCommand.candidates(browser: "open %s", url: "https://example.com/%s;$(x)"),
                       [["open", "https://example.com/%s;$(x)"]])
        // `%%` is a literal `%`, and does not count as the URL's place.
        XCTAssertEqual(BrowserCommand.candidates(browser: "b --title=100%% %%s", url: url), [["b", "--title=100%", "%s", url]])
        XCTAssertEqual(BrowserCommand.candidates(browser: "b %x %", url: url), [["b", "%x", "%", url]])
    }

    func testTheClipboardSequenceCarriesTheURLAsBase64() {
        XCTAssertEqual(ClipboardSequence.osc52("https://example.com/"), "\u{1B}]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS8=\u{07}")
    }

    func testTheHelpWritesTheDigitsAsARange() {
        XCTAssertEqual(KeyMap.describe((1...9).map { [KeyPress.character(Character(String($0)))] }), ["1-9"])
        XCTAssertEqual(KeyMap.describe([[.character("1")], [.character("2")]]), ["1", "2"])
        XCTAssertEqual(KeyMap.describe([[.up], [.character("k")]]), ["Up", "k"])
        XCTAssertEqual(KeyMap.standard.resolve([.character("5")], in: .comments), .command(.openNumberedLink))
        XCTAssertEqual(KeyMap.standard.resolve([.character("0")], in: .comments), .command(.openNumberedLink), "[0]: the story's link")
        XCTAssertEqual(KeyMap.describe((0...9).map { [KeyPress.character(Character(String($0)))] }), ["0-9"])
    }
}
