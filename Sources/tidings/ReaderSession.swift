import ArgumentParser
import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Runs the interactive reader: loads in the background, draws, reads keys, saves read state.
struct ReaderSession {
    let sources: [String]
    let store: ReadStateStore
    func run() throws {
        let (readState, outcome) = store.load()
        var canSave = true
        var startMessage: String?
        switch outcome {
        case .missing, .loaded: break
        case .setAside(let reason, let movedTo, let restoredBackup):
            startMessage = "Unreadable state file (\(reason)) moved to \(movedTo); "
                + (restoredBackup ? "loaded the last good state from \(store.backupPath)" : "starting with nothing read")
        case .newerVersion(let version):
            FileHandle.standardError.write(Data("tidings: \(store.target) was written by a newer Tidings (state version \(version); this build reads \(ReadStateCoding.version)); it is left untouched. Use a newer tidings, or --state FILE for another file.\n".utf8))
            throw ExitCode(2)
        case .unusable(let reason):
            startMessage = "The state file \(store.path) could not be read (\(reason)); read marks will not be saved"
            canSave = false
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch let error as CursesTerminal.Unavailable {
            FileHandle.standardError.write(Data("tidings: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        defer { terminal.close() }
        SignalFlag.install()

        let size = terminal.size
        var state = AppState(readState: readState, width: size.width, height: size.height)
        if let startMessage { state.reportSessionProblem(startMessage) }
        var loop = ReaderLoop(terminal: terminal, state: state, store: canSave ? store : nil,
                              loading: ParallelLoad(sources: sources, readState: readState))
        if let failure = loop.run() {
            terminal.close()
            FileHandle.standardError.write(Data("tidings: read state not saved to \(store.path): \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
