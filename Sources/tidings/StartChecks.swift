import ArgumentParser
import Foundation
import TidingsModel
import TidingsUI

/// What the reader checks about its arguments before it reads, writes or draws anything; each refusal is
/// one line on stderr and exit status 2.
enum StartChecks {
    /// Refuses paths that do not exist, naming each: a typing mistake should not open an empty reader.
    /// Paths that exist but cannot be read still open, and the reader lists them as problems.
    static func sources(_ paths: [String]) throws {
        var missing = false
        for path in paths {
            var info = stat()
            if stat(path, &info) != 0, errno == ENOENT || errno == ENOTDIR {
                StandardError.say("\(UntrustedText.sanitize(path)): no such file or folder")
                missing = true
            }
        }
        if missing { throw ExitCode(2) }
    }

    /// Refuses a state path that is a folder, device, pipe or socket. `given` tells whether it came from
    /// `--state`, so the message names the option the user typed.
    static func stateFile(_ store: ReadStateStore, given: Bool) throws {
        do {
            try store.check()
        } catch {
            let label = given ? "--state \(store.path)" : "state file \(store.path)"
            StandardError.say("\(UntrustedText.sanitize(label)): \(error)")
            throw ExitCode(2)
        }
    }

    /// Reads the config file. Only a `--config FILE` that does not exist stops the start (a typing mistake
    /// should not silently give the defaults); anything else wrong with it is a message in the reader.
    static func config(_ file: ConfigFile) throws -> (settings: ReaderSettings, messages: [String]) {
        let contents = file.contents()
        if file.given, contents == .missing {
            StandardError.say("--config \(UntrustedText.sanitize(file.path)): no such file")
            throw ExitCode(2)
        }
        return file.settings(from: contents)
    }
}
