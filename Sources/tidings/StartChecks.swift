import ArgumentParser
import Foundation
import TidingsModel

/// What the reader checks about its arguments before it reads, writes or draws anything; each refusal is
/// one line on stderr and exit status 2.
enum StartChecks {
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
}
