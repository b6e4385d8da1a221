import ArgumentParser
import Foundation
import TidingsModel

/// The `tidings` command line: read a folder in the terminal, or dump what the parser sees.
@main
struct TidingsCommand: ParsableCommand {
    static let version = "0.1.0"

    static func main() {
        StandardOutputCheck.install()
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "tidings",
        abstract: "A terminal reader for saved stories and their comment threads.",
        usage: """
        tidings [DIR ...] [--state FILE] [--config FILE] [--no-mouse] [--no-cache] [--no-watch]
          tidings --print-config
          tidings dump PATH ...
        """,
        discussion: """
        Point tidings at a folder of saved stories (searched recursively; hidden files are skipped; files you \
        name are always read) and browse them offline: the story list and text on one side, the threaded \
        comments on the other. It reads its own text format (.txt, .story and files without an extension), \
        Hacker News, Reddit and Lobsters JSON, mbox archives, Maildir folders, news articles, and RSS and \
        Atom feeds, recognized by their content. Read state is kept \
        in a JSON file that survives restarts. With no folder, tidings opens its bundled sample collection.

        The reader is the default command, `read`. Its options: --state FILE keeps the read state in FILE \
        (default $XDG_STATE_HOME/tidings/state.json); --config FILE reads the settings from FILE (default \
        $XDG_CONFIG_HOME/tidings/config.toml); --print-config prints a config file with every setting at its \
        default; --no-mouse leaves the mouse to the terminal for selecting text; --no-cache reads every file \
        again instead of listing large ones from the summary cache. `tidings read --help` lists them.

        The config file (TOML) sets the keys of each operation in each place, the colours, the width from which \
        the panes stand side by side, the first sort, whether read stories start hidden, and the mouse. A line \
        with a mistake is named with its line number when the reader starts, and the rest still applies.

        `tidings dump PATH...` prints every story as JSON Lines instead, for scripts and for checking a file.
        """,
        version: version,
        subcommands: [Read.self, Dump.self, Man.self],
        defaultSubcommand: Read.self
    )
}
