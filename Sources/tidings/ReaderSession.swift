import ArgumentParser
import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Runs the interactive reader: loads in the background, draws, reads keys, saves read state.
struct ReaderSession {
    let sources: [String]
    let store: ReadStateStore
    /// Whether clicks and the wheel go to the reader (else the terminal keeps them for selecting text).
    var mouse = true

    func run() throws {
        // First make sure the reader can run here: a run that refuses to start leaves the state file, its
        // folder and its lock file exactly as they were.
        do {
            try CursesTerminal.checkUsable()
        } catch let error as CursesTerminal.Unavailable {
            StandardError.say(error.description)
            throw ExitCode(2)
        }
        let (readState, outcome) = store.load()
        var canSave = true
        var startMessage: String?
        switch outcome {
        case .missing, .loaded: break
        case .setAside(let reason, let movedTo, let restoredBackup):
            startMessage = "Unreadable state file (\(reason)) moved to \(movedTo); "
                + (restoredBackup ? "loaded the last good state from \(store.backupPath)" : "starting with nothing read")
        case .newerVersion(let version):
            StandardError.say("\(store.target) was written by a newer Tidings (state version \(version); this build reads \(ReadStateCoding.version)); it is left untouched. Use a newer tidings, or --state FILE for another file.")
            throw ExitCode(2)
        case .refused(let refusal):
            // Checked before (StartChecks); this is a path that changed since.
            StandardError.say("state file \(UntrustedText.sanitize(store.path)): \(refusal)")
            throw ExitCode(2)
        case .unusable(let reason):
            startMessage = "The state file \(store.path) could not be read (\(reason)); read marks will not be saved"
            canSave = false
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse)
        } catch let error as CursesTerminal.Unavailable {
            StandardError.say(error.description)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        SignalFlag.install()

        let size = terminal.size
        var state = AppState(readState: readState, width: size.width, height: size.height)
        if let startMessage { state.reportSessionProblem(startMessage) }
        if case .setAside(_, _, true) = outcome { state.saveSoon() }
        var loop = ReaderLoop(terminal: terminal, state: state, store: canSave ? store : nil,
                              loading: ParallelLoad(sources: sources, readState: readState))
        if let failure = loop.run() {
            terminal.close()
            StandardError.say("read state not saved to \(UntrustedText.sanitize(store.path)): \(failure)")
            throw ExitCode(1)
        }
    }
}
