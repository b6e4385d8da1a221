import TidingsModel

/// Where screen text passes `UntrustedText`: single-line, since the buffer writes one row at a time.
enum UntrustedTextGate {
    /// Only a prefix that can fill `cells` is sanitized, so a five-megabyte line costs no more than a short one.
    static func displayable(_ text: some StringProtocol, cells: Int) -> String {
        UntrustedText.sanitize(prefix(text, cells: cells), multiline: false)
    }

    /// Enough of the text to fill `cells`: every cell needs at least one scalar, and combining marks beyond
    /// the cap are dropped anyway, so a generous bound is safe. Escape sequences count as their marker.
    static func prefix(_ text: some StringProtocol, cells: Int) -> String {
        let bound = max(0, cells) * (UntrustedText.maximumCombiningMarks + 4) + 64
        if text.utf8.count <= bound { return String(text) }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(bound)))
    }
}
