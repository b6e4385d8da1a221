import ArgumentParser
import Foundation
import Synchronization
import TidingsModel
import TidingsUI

/// Runs the interactive reader: loads in the background, draws, reads keys, saves read state.
struct ReaderSession {
    let sources: [String]
    let store: ReadStateStore
    /// Where the reader was when it last quit (`SessionFile`).
    let session: SessionFile
    /// What the config file set (the defaults without one).
    var settings = ReaderSettings.standard
    /// What was wrong in the config file, one message each, shown in the reader.
    var configMessages: [String] = []
    /// Whether clicks and the wheel go to the reader (else the terminal keeps them for selecting text):
    /// off with `--no-mouse` or `mouse = false`.
    var mouse = true
    /// Where the list entries of large files are kept between runs (nil: `--no-cache`).
    var summaryCache: SummaryCache? = SummaryCache.standard()
    /// Whether changes on disk are followed as they happen (else only `R` looks for them).
    var watching = true

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
        let startMessage = outcome.words(for: store)
        if outcome.refusesToStart {
            StandardError.say(startMessage ?? "the state file cannot be used")
            throw ExitCode(2)
        }
        var canSave = true
        if case .unusable = outcome { canSave = false }

        // Listing and loading start before the screen is set up: a big folder's listing is most of the wait
        // for the first screen, and the two overlap.
        // The watch starts first: each folder is watched as the listing enters it, before it is read.
        let loader = CollectionLoader(summaryCache: summaryCache)
        let watch = CollectionWatch(sources: sources, loader: loader, readState: readState, watching: watching)
        let loading = ParallelLoad(sources: sources, readState: readState, loader: loader, observer: watch.observer)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(mouse: mouse, theme: settings.theme)
        } catch let error as CursesTerminal.Unavailable {
            loading.cancel()
            watch.stop()
            StandardError.say(error.description)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        SignalFlag.install()

        let size = terminal.size
        var state = AppState(readState: readState, width: size.width, height: size.height)
        state.colorMode = terminal.colorMode
        state.sourcePaths = sources
        // Before the session: a saved sort wins over the configured one, which is for a first start.
        state.apply(settings)
        // Before the state file's message, which then is the one on the status line: it matters more.
        state.reportConfigProblems(configMessages)
        if let startMessage { state.reportSessionProblem(startMessage) }
        switch outcome {
        case .setAside(_, _, true), .setAsideKeepingTheRest: state.saveSoon()
        default: break
        }
        if let saved = session.load() { state.restore(saved) }
        var loop = ReaderLoop(terminal: terminal, state: state, store: canSave ? store : nil,
                              loading: loading, watch: watch, session: canSave ? session : nil)
        if let failure = loop.run() {
            terminal.close()
            StandardError.say("read state not saved to \(UntrustedText.sanitize(store.path)): \(failure)")
            throw ExitCode(1)
        }
    }
}
