import TidingsModel
import TidingsUI

/// `tidings --print-config`: a complete config file with every setting at its default and a comment for
/// each, made from the same tables the reader uses (the settings, the colour roles, the command table and
/// the standard key map), so it cannot fall behind them. Read back, it gives exactly the defaults.
enum DefaultConfig {
    static func text(_ settings: ReaderSettings = .standard) -> String {
        let widths = ReaderSettings.sideBySideWidths
        var text = """
        # Tidings config file. Tidings reads $XDG_CONFIG_HOME/tidings/config.toml, else
        # ~/.config/tidings/config.toml, or the file given with --config FILE. Every setting may be left out;
        # this file gives each its default. A line with a problem is named, with its line number, when the
        # reader starts (p lists them again), and the rest of the file still applies.

        # From this many columns on, the story list and the comments stand side by side; narrower, one pane
        # at a time (\(widths.lowerBound) to \(widths.upperBound)).
        side_by_side_width = \(settings.sideBySideWidth)

        # The order of the story list when there is no session to reopen (the last session's order wins;
        # s and S change it): \(StorySort.allCases.map(\.rawValue).joined(separator: ", ")).
        sort = \(quoted(settings.sort.rawValue))

        # Start with the read stories hidden, as H does.
        hide_read = \(settings.hidesRead)

        # Clicks and the wheel go to the reader; false leaves the mouse to the terminal, for selecting text
        # (as --no-mouse does).
        mouse = \(settings.mouse)

        # The colour of each element: a name (black, red, green, yellow, blue, magenta, cyan, white, the same
        # with bright- before it, or default for the terminal's own), a number from 0 to 255, or "#rrggbb"
        # (exact where the terminal can change its colours, else the nearest it has). NO_COLOR and terminals
        # without colours show none.
        [colors]

        """
        for role in ColorRole.allCases {
            text += "# \(role.purpose.prefix(1).uppercased() + role.purpose.dropFirst()).\n"
            text += "\(role.name) = \(settings.theme.color(of: role).configValue)\n"
        }
        text += """

        # Keys, for each place: operation = ["key", ...], keys written as the help writes them (Up, PgDn,
        # Enter, Space, Esc, Tab, S-Tab, C-l, M-x, F1, or one character). Giving a key to an operation takes
        # it from whatever it did in that place; [] leaves the operation without keys there. [keys.all] gives
        # keys in every place where each operation applies; the tables of single places come after it and win.
        # A change that would leave a place without a key to quit, to the help or to close a page is refused.
        [keys.all]

        """
        for (name, contexts) in ConfigReader.keyPlaces {
            guard let contexts, let context = contexts.first, contexts.count == 1 else { continue }
            text += "\n# In the \(context.rawValue).\n[keys.\(name)]\n"
            for spec in Command.allCases.map(\.spec) where spec.contexts.contains(context) {
                text += "# \(spec.summary)\n"
                let keys = settings.keyMap.keys(for: spec.command, in: context).map { quoted($0.description) }
                text += "\(spec.command.name) = [\(keys.joined(separator: ", "))]\n"
            }
        }
        return text
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
