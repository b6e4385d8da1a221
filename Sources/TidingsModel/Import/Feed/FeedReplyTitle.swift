/// Whether a reply entry's title says something its comment does not: shown as the comment's subject
/// (as a mail reply's changed subject is), unless it only repeats what is shown already.
enum FeedReplyTitle {
    /// The title to show above the reply's text, or nil when it says nothing new. Comment feeds title
    /// their entries by the writer (WordPress `By: Ann`, `Comment on Post by Ann`, hnrss `New comment by ann
    /// in "Post"`), by the text's first words (Blogger), or as an answer to the title of what they answer
    /// (`Re: Post`, also `Re: By: Al` under Al's reply, whose own title is not shown): shown, those would
    /// repeat the row above or below, or name the wrong writer.
    static func subject(_ title: String?, author: String?, text: String, answering parentTitle: String?) -> String? {
        guard let title, case let shown = collapsed(title), !shown.isEmpty else { return nil }
        // No words after its prefixes (`Re:`, `By: `, `...`): nothing to say.
        let said = words(SubjectPrefix.stripped(shown))
        if said.isEmpty || said.count == 1 && byWords.contains(String(said[0])) { return nil }
        if let author, names(author, in: shown) { return nil }
        if let parentTitle, answers(shown, parentTitle) { return nil }
        if isStart(of: text, shown) { return nil }
        return shown
    }

    /// Whether the title is the title it answers, after `Re:` and the like; one cut short with an ellipsis
    /// (`Re: Mulch & Me: Don’t Panic About…`) when it is that title's start.
    private static func answers(_ title: String, _ parentTitle: String) -> Bool {
        var answer = comparable(SubjectPrefix.stripped(title))
        let answered = comparable(SubjectPrefix.stripped(parentTitle))
        if answer == answered { return true }
        guard let cut = withoutEllipsis(answer) else { return false }
        answer = cut
        return !answer.isEmpty && answered.hasPrefix(answer)
    }

    /// The text without an ellipsis at its end, or nil when it has none.
    private static func withoutEllipsis(_ text: String) -> String? {
        for ellipsis in ["…", "..."] where text.hasSuffix(ellipsis) { return collapsed(String(text.dropLast(ellipsis.count))) }
        return nil
    }

    /// Whether the title is the text's first words: whole words, or cut anywhere when it ends in an ellipsis.
    private static func isStart(of text: String, _ title: String) -> Bool {
        let whole = comparable(title)
        let cutShort = withoutEllipsis(whole)
        let cut = cutShort != nil
        let start = cutShort ?? whole
        let body = comparable(text)
        guard !start.isEmpty, body.hasPrefix(start) else { return false }
        guard !cut, let next = body.dropFirst(start.count).first else { return true }
        // "Yes" does not start "Yesterday I tried it".
        return !(next.isLetter || next.isNumber)
    }

    /// Whether the title names the writer as the one it is by: the name alone, or after `by` (`By: Al`,
    /// `Comment on Post by Al`, `New comment by al in "Post"`; WordPress's `Von:`, `Par :`, `Por:`, `Door:`,
    /// `Av:`, `Di:` in other languages), as whole words: not `Will` in "Will this survive a frost?".
    private static func names(_ author: String, in title: String) -> Bool {
        let name = words(author)
        let titleWords = words(title)
        guard !name.isEmpty, name.count <= titleWords.count else { return false }
        if titleWords.elementsEqual(name) { return true }
        guard titleWords.count > name.count else { return false }
        return (1...(titleWords.count - name.count)).contains { start in
            byWords.contains(String(titleWords[start - 1])) && titleWords[start..<(start + name.count)].elementsEqual(name)
        }
    }

    /// The word before a writer's name in comment feeds' titles, lower-cased.
    private static let byWords: Set<String> = ["by", "von", "par", "por", "door", "av", "di", "af", "przez"]

    /// Letters and digits in runs, lower-cased.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// Lower-cased, white space collapsed, typographic quotes as plain ones (`Don’t` is `Don't`).
    private static func comparable(_ text: String) -> String {
        String(collapsed(text).lowercased().map { character -> Character in
            switch character {
            case "\u{2018}", "\u{2019}", "\u{02BC}": return "'"
            case "\u{201C}", "\u{201D}": return "\""
            default: return character
            }
        })
    }

    /// Runs of white space as one space, none at either end.
    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
