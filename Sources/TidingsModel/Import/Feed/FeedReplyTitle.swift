/// Whether a reply entry's title says something its comment does not: shown as the comment's subject
/// (as a mail reply's changed subject is), unless it only repeats what is shown already.
enum FeedReplyTitle {
    /// The title to show above the reply's text, or nil when it says nothing new. Comment feeds title
    /// their entries by the writer (WordPress `By: Ann`, `Comment on Post by Ann`, hnrss `New comment by ann
    /// in "Post"`) or by the text's first words (Blogger): shown, those would repeat the row above or below.
    /// A `Re: <the post's title>` is left to the view, which hides a subject that only answers its parent's.
    static func subject(_ title: String?, author: String?, text: String) -> String? {
        guard let title, case let shown = collapsed(title), !shown.isEmpty else { return nil }
        if let author, names(author, in: shown) { return nil }
        // A title cut from the text ends in an ellipsis, or ends where a word of the text does.
        var start = shown.lowercased()
        for cut in ["…", "..."] where start.hasSuffix(cut) { start = String(start.dropLast(cut.count)) }
        start = collapsed(start)
        if !start.isEmpty, collapsed(text).lowercased().hasPrefix(start) { return nil }
        return shown
    }

    /// Whether the title names the writer: the name's words, one after another, as words of the title
    /// (`Al` in "By: Al", not in "Totally agree").
    private static func names(_ author: String, in title: String) -> Bool {
        let name = words(author)
        let titleWords = words(title)
        guard !name.isEmpty, name.count <= titleWords.count else { return false }
        return (0...(titleWords.count - name.count)).contains { titleWords[$0..<($0 + name.count)].elementsEqual(name) }
    }

    /// Letters and digits in runs, lower-cased.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// Runs of white space as one space, none at either end.
    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
