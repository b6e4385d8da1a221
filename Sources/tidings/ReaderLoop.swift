import Foundation
import TidingsModel
import TidingsUI

/// The main loop: turns what happens (keys, resizes, loaded stories, parsed stories, finished saves, time)
/// into events for the reader, carries out the effects it returns, and draws when something changed.
struct ReaderLoop {
    let terminal: CursesTerminal
    var state: AppState
    /// Nil when the state file cannot be used: nothing is saved.
    let store: ReadStateStore?
    let loading: ParallelLoad
    /// Changes on disk while the reader runs, and `R`.
    let watch: CollectionWatch
    private let parser = StoryParser()
    /// Searches the collection for a query's words, off the key path.
    private let search = CollectionSearch()
    private let saver: StateSaver?
    /// Nil when there is no session file to keep (the state file cannot be used).
    private let sessionWriter: SessionWriter?

    init(terminal: CursesTerminal, state: AppState, store: ReadStateStore?, loading: ParallelLoad, watch: CollectionWatch,
         session: SessionFile?) {
        self.terminal = terminal
        self.state = state
        self.store = store
        self.loading = loading
        self.watch = watch
        saver = store.map { StateSaver(store: $0) }
        sessionWriter = session.map { SessionWriter(file: $0) }
    }

    /// Runs until the reader quits or a termination signal arrives; returns why the last save failed, if it did.
    mutating func run() -> String? {
        var loadingDone = false
        var quit = false
        var listedAny = false
        // Whether the next frame is drawn at once: after a key, the first and last stories, a parsed story.
        var urgent = true
        var lastFrame = DispatchTime.now().uptimeNanoseconds
        var lastSearchTake: UInt64 = 0
        var watchedRevision = state.readStateRevision
        while !quit {
            var events: [Event] = []
            let batch = loading.take()
            if batch.finished || (!listedAny && !batch.entries.isEmpty) || batch.provisional != nil { urgent = true }
            if !batch.entries.isEmpty { listedAny = true }
            watch.noteListed(batch.entries)
            // Changes on disk are read again once the loader is done: what it listed is what they replace.
            if batch.finished, !loadingDone { watch.loadFinished() }
            loadingDone = loadingDone || batch.finished
            events.append(.loaded(batch))
            let changes = watch.take()
            if !changes.isEmpty { urgent = true }
            events += changes.map { .collectionChanged($0) }
            let parsed = parser.takeResults()
            if !parsed.isEmpty { urgent = true }
            events += parsed
            // Matches are taken in every 50 ms (at once until the first): each batch merges into the rows,
            // and fewer, larger batches leave the keys more of each turn.
            let searchDue = state.searchHasNoHitsYet || DispatchTime.now().uptimeNanoseconds - lastSearchTake >= 50_000_000
            if searchDue, let found = search.take() {
                lastSearchTake = DispatchTime.now().uptimeNanoseconds
                // The first matches and the end are drawn at once; progress in between as stories arrive.
                if found.finished || (!found.hits.isEmpty && state.searchHasNoHitsYet) { urgent = true }
                events.append(.searchFound(found))
            }
            events += saver?.takeReports() ?? []
            events.append(.tick(Date()))
            quit = perform(events)
            if quit { break }
            // Stories read again count their unread comments against the marks as they are now.
            if state.readStateRevision != watchedRevision {
                watchedRevision = state.readStateRevision
                watch.setReadState(state.readState)
            }
            // Draw only when something changed: an idle reader uses no CPU. While stories arrive, progress is
            // drawn at most every 50 ms: each frame costs the terminal's work too, on the cores loading uses.
            let now = DispatchTime.now().uptimeNanoseconds
            if state.needsFrame, urgent || loadingDone || now - lastFrame >= 50_000_000 {
                terminal.present(state.render())
                lastFrame = now
                urgent = false
            }
            if SignalFlag.received != 0 {
                _ = perform([.terminate])
                break
            }
            // While stories arrive, look for them every millisecond (the last of them are what the count waits
            // for, and a turn with nothing new costs a few microseconds); a story being parsed too: it is what
            // the user is waiting to see. Matches every few milliseconds; idle, ten times a second.
            let loadingStories = !loadingDone || state.loadProgress != nil
            terminal.setInputTimeout(milliseconds: parser.isBusy || loadingStories ? 1 : search.isBusy ? 4 : 100)
            let input = terminal.readKey()
            if case .timeout = input {} else { urgent = true }
            switch input {
            case .key(let key): quit = perform([.key(key)])
            case .mouse(let mouse): quit = perform([.mouse(mouse)])
            case .paste(let text): quit = perform([.paste(text)])
            case .resize:
                let size = terminal.size
                quit = perform([.resize(width: size.width, height: size.height)])
            case .timeout: break
            }
        }
        loading.cancel()
        search.cancel()
        watch.stop()
        sessionWriter?.finish(state.savedSession)
        return saver?.finish()
    }

    /// Sends events to the reader and carries out the effects; returns whether to stop.
    private mutating func perform(_ events: [Event]) -> Bool {
        var quit = false
        for event in events {
            for effect in state.update(event) {
                switch effect {
                case .loadStory(let index, let summary): parser.request(index: index, summary: summary)
                case .save(let changes, let fallback):
                    saver?.save(changes: changes, fallback: fallback)
                    sessionWriter?.save(state.savedSession)
                case .collectComments(let summaries): parser.collectComments(of: summaries)
                case .recountUnread(let summaries): parser.recountUnread(of: summaries)
                case .search(let generation, let words, let entries, let order):
                    search.start(generation: generation, query: words, entries: entries, order: order)
                case .searchMore(let generation, let entries, let order): search.add(generation: generation, entries: entries, order: order)
                case .cancelSearch: search.cancel()
                case .rescan: watch.rescan()
                case .quit: quit = true
                case .redraw: terminal.redrawEverything()
                case .suspend:
                    terminal.suspend()
                    // The terminal may have been resized while the reader was stopped.
                    let size = terminal.size
                    if perform([.resize(width: size.width, height: size.height)]) { quit = true }
                case .openURL(let url):
                    if let failure = LinkOpener.open(url), perform([.openFailed(program: failure.program, reason: failure.reason)]) {
                        quit = true
                    }
                case .copyToClipboard(let url): terminal.writeBetweenFrames(ClipboardSequence.osc52(url))
                }
            }
        }
        return quit
    }
}
