/// A body's link targets, numbered in order of first appearance; a target seen again keeps its number.
struct MarkdownLinkTable {
    private(set) var targets: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(for target: String) -> Int {
        if let number = numbers[target] { return number }
        numbers[target] = targets.count
        targets.append(target)
        return targets.count - 1
    }

    /// Where a written link goes, or nil when it should not be followed: http, https and mailto are kept,
    /// Reddit's site-relative paths (`/r/…`) point at reddit.com, `www.` gets https; any other scheme
    /// (`javascript:`, `data:`) or a bare word keeps its text and loses the link.
    static func target(_ destination: String) -> String? {
        let utf8 = Array(destination.utf8)
        guard let first = utf8.first else { return nil }
        if let colon = utf8.firstIndex(of: Byte.colon),
           utf8[..<colon].allSatisfy({ Byte.isLetterOrDigit($0) || $0 == Byte.plus || $0 == Byte.dash || $0 == Byte.dot }) {
            let scheme = destination.prefix(colon).lowercased()
            return scheme == "http" || scheme == "https" || scheme == "mailto" ? destination : nil
        }
        if destination.hasPrefix("//") { return "https:" + destination }
        if first == Byte.slash { return "https://www.reddit.com" + destination }
        if destination.lowercased().hasPrefix("www.") { return "https://" + destination }
        return nil
    }
}
