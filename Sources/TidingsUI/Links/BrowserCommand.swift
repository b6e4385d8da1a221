/// The program and arguments that open a URL, from `$BROWSER` as it is usually written: programs separated
/// by `:`, tried in order, each split on whitespace into a program and its arguments. Quotes and
/// backslashes are not interpreted (no shell is involved), so a program or argument cannot contain spaces.
/// `%s` in an argument is replaced by the URL; without one, the URL is the last argument. The URL is
/// always one argument of its own, never split.
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
                if word.contains("%s") {
                    placed = true
                    command.append(word.replacingOccurrences(of: "%s", with: url))
                } else {
                    command.append(word)
                }
            }
            if !placed { command.append(url) }
            return command
        }
    }
}
