import TidingsModel

/// What the config file can change, as plain values: the executable reads the file, the reader and the
/// terminal take these.
public struct ReaderSettings: Equatable, Sendable {
    public var keyMap: KeyMap
    /// The colour of each role (`NO_COLOR` and terminals without colours still draw none).
    public var theme: Theme
    /// From this width on, the story and comment panes stand side by side.
    public var sideBySideWidth: Int
    /// The order of the story list when there is no session to reopen.
    public var sort: StorySort
    /// Whether the reader starts with read stories hidden (`H`).
    public var hidesRead: Bool
    /// Whether clicks and the wheel go to the reader (else the terminal keeps them for selecting text).
    public var mouse: Bool

    public init(keyMap: KeyMap = .standard, theme: Theme = .standard, sideBySideWidth: Int = Layout.standardSideBySideWidth,
                sort: StorySort = .path, hidesRead: Bool = false, mouse: Bool = true) {
        self.keyMap = keyMap
        self.theme = theme
        self.sideBySideWidth = sideBySideWidth
        self.sort = sort
        self.hidesRead = hidesRead
        self.mouse = mouse
    }

    public static let standard = ReaderSettings()

    /// The side-by-side widths a config may ask for: below 60 the comment pane beside a 40-column story pane
    /// would have too few columns to read; a width beyond any terminal means one pane at a time always.
    public static let sideBySideWidths = 60...10_000
}

extension AppState {
    /// Takes the settings the reader itself uses (the theme and the mouse are the terminal's), before the
    /// session is restored: a saved sort then wins over the configured one.
    public mutating func apply(_ settings: ReaderSettings) {
        keyMap = settings.keyMap
        sideBySideWidth = settings.sideBySideWidth
        if sort != settings.sort || hidesRead != settings.hidesRead {
            sort = settings.sort
            hidesRead = settings.hidesRead
            keepingSelectionOnScreen { $0.relistStories() }
        }
        settle()
        needsFrame = true
    }
}
