import ArgumentParser
import Foundation
import TidingsUI

/// The manual page `tidings(1)`, made from the same sources as `--help` (the commands' configurations and
/// options) and the help screen (the key map); `docs/tidings.1` is its output, kept in step by a test.
enum ManPage {
    static func render() -> String {
        let configuration = TidingsCommand.configuration
        var page = """
        .TH TIDINGS 1 "" "tidings \(TidingsCommand.version)" "User Commands"
        .SH NAME
        tidings \\- \(Roff.escape(configuration.abstract.prefix(1).lowercased() + configuration.abstract.dropFirst().dropLast()))
        .SH SYNOPSIS
        .nf
        \(Roff.escape((configuration.usage ?? "tidings").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")))
        .fi
        .SH DESCRIPTION

        """
        for paragraph in configuration.discussion.components(separatedBy: "\n\n") {
            page += ".PP\n" + Roff.escape(paragraph) + "\n"
        }
        // The options as `--help` gives them, laid out as it lays them out.
        for (title, command) in [("READING", Read.self as ParsableCommand.Type), ("DUMP", Dump.self)] {
            page += ".SH \(title)\n.nf\n" + Roff.escape(TidingsCommand.helpMessage(for: command, columns: 78)) + "\n.fi\n"
        }
        page += ".SH KEYS\nThe standard keys, as the help screen (?) lists them unless the config file gives others.\n" + KeyMap.standard.manualSection()
        page += """
        .SH ENVIRONMENT
        .TP
        .B XDG_STATE_HOME
        Where the read state is kept: $XDG_STATE_HOME/tidings/state.json, else ~/.local/state/tidings/state.json.
        .TP
        .B XDG_CONFIG_HOME
        Where the config file is looked for: $XDG_CONFIG_HOME/tidings/config.toml, else ~/.config/tidings/config.toml
        (none there: the defaults). \\fBtidings \\-\\-print\\-config\\fR prints every setting at its default, with a comment.
        .TP
        .B XDG_CACHE_HOME
        Where list entries of large files are kept: $XDG_CACHE_HOME/tidings/summaries, else ~/.cache/tidings/summaries.
        .TP
        .B NO_COLOR
        Any value but the empty one: no colours, only bold, dim, reverse and underline (as on a terminal without colours).
        .TP
        .B BROWSER
        What o and 1\\-9 open links with: programs separated by :, tried in order, each split on spaces into a
        program and its arguments (no shell, no quotes); %s in an argument is the URL, else the URL comes last.
        Unset: xdg\\-open. Only http, https and mailto links are opened.
        .TP
        .B TERM
        The terminal; without a usable one the reader does not start and points to \\fBtidings dump\\fR.
        .SH EXIT STATUS
        0 after a normal quit; 1 when the read state could not be saved, or when \\fBdump\\fR met a problem file
        or could not write; 2 when the reader refused to start; 64 for usage errors.
        .SH SEE ALSO
        \\fBmutt\\fR(1), \\fBnewsboat\\fR(1), \\fBslrn\\fR(1)

        """
        return page
    }
}

/// `tidings man`: prints the manual page (hidden: `man tidings` is how it is read once installed).
struct Man: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man", abstract: "Print the manual page tidings(1) as roff.", shouldDisplay: false)

    func run() throws {
        FileHandle.standardOutput.write(Data(ManPage.render().utf8))
    }
}
