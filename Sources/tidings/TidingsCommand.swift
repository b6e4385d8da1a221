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
        tidings [DIR ...] [--state FILE] [--no-mouse]
          tidings dump PATH ...
        """,
        discussion: """
        Point tidings at a folder of saved stories (searched recursively; hidden files are skipped; .txt, .story \
        and files without an extension are stories, and files you name are always read) and browse them \
        offline: the story list and text on one side, the threaded comments on the other. Read state is kept \
        in a JSON file that survives restarts. With no folder, tidings opens its bundled sample collection.

        The reader is the default command, `read`. Its options: --state FILE keeps the read state in FILE \
        (default $XDG_STATE_HOME/tidings/state.json); --no-mouse leaves the mouse to the terminal for \
        selecting text. `tidings read --help` lists them.

        `tidings dump PATH...` prints every story as JSON Lines instead, for scripts and for checking a file.
        """,
        version: version,
        subcommands: [Read.self, Dump.self],
        defaultSubcommand: Read.self
    )
}

/// `tidings [DIR...]`: the interactive reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the stories under DIR in the terminal (the default command).")

    @Argument(help: "Folders or files to read. Default: the bundled sample collection.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Read-state file.", discussion: "Default: $XDG_STATE_HOME/tidings/state.json, or ~/.local/state/tidings/state.json.",
        valueName: "file"))
    var state: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (for selecting text) instead of clicks and the wheel.")
    var noMouse = false

    /// Usage errors end here, before anything is read or written, with ArgumentParser's status 64.
    func validate() throws {
        if state?.isEmpty == true {
            throw ValidationError("--state needs the path of a file; '' is empty")
        }
    }

    func run() throws {
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
        try ReaderSession(sources: sources, store: store, mouse: !noMouse).run()
    }
}

/// `tidings dump PATH...`: JSON Lines on stdout, one object per story.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every story under the paths as JSON Lines (schema: docs/FORMAT.md).",
        discussion: "Files that cannot be read or parsed are named on stderr with the reason; the rest are still printed, and the exit status is 1. Output that cannot be written (a full disk) stops the dump with a message and exit status 1.")

    @Argument(help: "Files or folders.")
    var paths: [String]

    func run() throws {
        let loader = CollectionLoader()
        var output = BufferedOutput(descriptor: STDOUT_FILENO)
        var failed = false
        func report(_ problem: LoadProblem) {
            failed = true
            output.flush()
            StandardError.say(UntrustedText.sanitize(problem.path) + ": " + problem.reason)
        }
        let files = loader.listFiles(paths, problem: report)
        // After a write error nothing more can reach the reader: stop loading.
        for file in files where output.error == nil {
            switch loader.loadEvent(file) {
            case .stories(let stories):
                for story in stories {
                    StoryJSON.append(story, to: &output.buffer)
                    output.buffer.append(0x0A)
                    output.flushIfFull()
                }
            case .problem(let problem) where problem.isSkipped:
                break  // not a story (a README, a picture): not an error
            case .problem(let problem):
                report(problem)
            }
        }
        output.flush()
        if let error = output.error {
            StandardError.say("cannot write output: \(String(cString: strerror(error)))")
            throw ExitCode(1)
        }
        if failed { throw ExitCode(1) }
    }
}

