import Foundation
import TidingsModel

/// Whether a link from a story may leave the reader (to a browser or the clipboard): only web and mail
/// addresses that parse and hold nothing a terminal or a shell could take for something else.
public enum LinkCheck {
    /// What the check found.
    public enum Verdict: Equatable, Sendable {
        /// The link, trimmed, safe to hand on as it is.
        case allowed(String)
        /// Not to be opened or copied: the link as it may be shown (sanitised, shortened) and why.
        case refused(shown: String, reason: String)
    }

    /// The only schemes that leave the reader: others (`javascript:`, `file:`, `data:`) could run code or
    /// read local files in the browser.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// How much of a refused link is kept for the status line and the message list.
    static let shownCells = 400

    public static func check(_ link: String) -> Verdict {
        let url = link.trimmingCharacters(in: .whitespacesAndNewlines)
        func refuse(_ reason: String) -> Verdict { .refused(shown: shown(url), reason: reason) }
        guard !url.isEmpty else { return refuse("the link is empty") }
        // Anything the sanitiser would change (controls, escape sequences, bidi and invisible characters)
        // and any whitespace: such a link is not what it looks like on screen.
        let hasSpace = url.unicodeScalars.contains { $0.properties.isWhitespace }
        guard !hasSpace, UntrustedText.sanitize(url) == url else { return refuse("it has spaces or control characters") }
        guard let colon = url.firstIndex(of: ":"), allowedSchemes.contains(url[..<colon].lowercased()) else {
            return refuse("only http, https and mailto links open")
        }
        guard let parts = URLComponents(string: url) else { return refuse("it is not a valid address") }
        let scheme = url[..<colon].lowercased()
        if scheme == "mailto" {
            guard !parts.path.isEmpty else { return refuse("it names no address") }
        } else {
            guard let host = parts.host, !host.isEmpty else { return refuse("it names no host") }
        }
        return .allowed(url)
    }

    /// A link as the status line may show it: sanitised, and no longer than a line can use.
    public static func shown(_ link: String) -> String {
        UntrustedTextGate.displayable(link, cells: shownCells)
    }
}
