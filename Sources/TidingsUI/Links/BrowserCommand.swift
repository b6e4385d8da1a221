/// The program and arguments that open a URL, from `$BROWSER` as it is usually written: programs separated
/// by `:`, tried in order, each split on whitespace into a program and its arguments. Quotes and
/// backslashes are not interpreted (no shell is involved), so a program or argument cannot contain spaces.
/// `%s` in an argument is replaced by the URL and `%%` by `%` (the usual `$BROWSER` convention); without a
/// `%s`, the URL is the last argument. The URL is always in one argument, never split.
public enum BrowserCommand {
    /// The opener used when `$BROWSER` is unset or blank.
    public static let fallback = "xdg-open"

    /// Each candidate command line, in the order to try them: program first.
    public static func candidates(browser: String?, url: String) -> [[String]] {
        let entries = (browser ?? "").split(separator: ":").map { entry in
            entry.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { return [[fallback, url]] }
        return entries.map { words in
            var placed = false
            var command = [words[0]]
            for word in words.dropFirst() {
                let (argument, hasURL) = substitute(word, url: url)
                placed = placed || hasURL
                command.append(argument)
            }
            if !placed { command.append(url) }
            return command
        }
    }

    /// One argument with `%s` made the URL and `%%` a `%`; says whether the URL went in.
    static func substitute(_ word: String, url: String) -> (String, Bool) {
        var result = ""
        var placed = false
        var characters = word.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            switch characters.next() {
            case "s"?:
                result += url
                placed = true
            case "%"?: result.append("%")
            case let other?: result += "%" + String(other)
            case nil: result.append("%")
            }
        }
        return (result, placed)
    }
}
