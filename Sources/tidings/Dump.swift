import ArgumentParser
import Foundation
import TidingsModel

/// `tidings dump PATH...`: JSON Lines on stdout, one object per story.
struct Dump: ParsableCommand {
    // Named here: a name made from the type's name costs a reflection of it on every start.
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print every story under the paths as JSON Lines (schema: docs/FORMAT.md).",
        discussion: "Files that cannot be read or parsed are named on stderr with the reason; the rest are still printed, and the exit status is 1. Output that cannot be written (a full disk) stops the dump with a message and exit status 1.")

    @Argument(help: "Files or folders.", completion: .file())
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
        // After a write error nothing more can reach the reader: stop loading. Stories read from several
        // files (Hacker News items one per file, a feed and its comment feed) come after the others: the
        // stream is written as the files are read, where the reader puts them in their places by path.
        loader.load(paths, stop: { output.error != nil }) { event in
            switch event {
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
