import ArgumentParser
import Foundation
import TidingsModel

/// `tidings [DIR...]`: the interactive reader.
struct Read: ParsableCommand {
    // Named here: a name made from the type's name costs a reflection of it on every start.
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read the stories under DIR in the terminal (the default command).")

    @Argument(help: "Folders or files to read. Default: the bundled sample collection.", completion: .file())
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Read-state file.", discussion: "Default: $XDG_STATE_HOME/tidings/state.json, or ~/.local/state/tidings/state.json.",
        valueName: "file"), completion: .file())
    var state: String?

    @Option(name: .long, help: ArgumentHelp(
        "Config file.", discussion: "Default: $XDG_CONFIG_HOME/tidings/config.toml, or ~/.config/tidings/config.toml (none there: the defaults). A FILE given here must exist.",
        valueName: "file"), completion: .file())
    var config: String?

    @Flag(name: .customLong("print-config"), help: "Print a config file with every setting at its default, and a comment for each, and exit.")
    var printConfig = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (for selecting text) instead of clicks and the wheel (as mouse = false in the config).")
    var noMouse = false

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(
        "Read every file again instead of listing large ones from the summary cache.",
        discussion: "The cache is $XDG_CACHE_HOME/tidings/summaries, or ~/.cache/tidings/summaries: the list entries of files of 256 KiB or more (an mbox, a feed), each used only for the same version of the same file read by the same build. It can be deleted at any time."))
    var noCache = false

    @Flag(name: .customLong("no-watch"), help: ArgumentHelp(
        "Do not follow changes on disk as they happen; R still rescans by hand.",
        discussion: "By default the folders are watched (inotify): files added, changed or removed while the reader runs show up in the list within a second."))
    var noWatch = false

    /// Usage errors end here, before anything is read or written, with ArgumentParser's status 64.
    func validate() throws {
        if state?.isEmpty == true {
            throw ValidationError("--state needs the path of a file; '' is empty")
        }
        if config?.isEmpty == true {
            throw ValidationError("--config needs the path of a file; '' is empty")
        }
    }

    func run() throws {
        if printConfig {
            FileHandle.standardOutput.write(Data(DefaultConfig.text().utf8))
            return
        }
        let sources: [String]
        if paths.isEmpty {
            guard let samples = SampleCollection.location() else {
                StandardError.say("the bundled sample collection is not next to this binary; give a folder: tidings DIR")
                throw ExitCode(2)
            }
            sources = [samples]
        } else {
            try StartChecks.sources(paths)
            sources = paths
        }
        let store = ReadStateStore(path: state ?? ReadStateStore.defaultPath())
        try StartChecks.stateFile(store, given: state != nil)
        let (settings, configMessages) = try StartChecks.config(ConfigFile(given: config))
        try ReaderSession(sources: sources, store: store, session: SessionFile(statePath: store.path, given: state != nil),
                          settings: settings, configMessages: configMessages, mouse: !noMouse && settings.mouse,
                          summaryCache: noCache ? nil : SummaryCache.standard(), watching: !noWatch).run()
    }
}
