/// Where a key is pressed: the focused pane, or the page open over the reader. Commands apply in some
/// contexts, and a key may mean different commands in different contexts (`q` quits the reader, closes a page).
public enum InputContext: String, CaseIterable, Sendable {
    case storyList = "story list"
    case storyText = "story text"
    case comments
    case help
    case problems = "problem list"
    /// A line of input being typed (search, a command); no command uses it yet.
    case prompt

    /// The three panes of the reader.
    public static let reader: Set<InputContext> = [.storyList, .storyText, .comments]
    /// The pages drawn over the reader.
    public static let pages: Set<InputContext> = [.help, .problems]
}
