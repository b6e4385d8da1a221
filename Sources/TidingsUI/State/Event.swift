import Foundation
import TidingsModel

/// Everything that can happen to the reader, from the user or from work the executable finished.
public enum Event: Sendable {
    case key(KeyPress)
    case mouse(MouseEvent)
    /// Text the terminal marked as pasted: typed into the line being edited, never run as keys.
    case paste(String)
    case resize(width: Int, height: Int)
    /// Stories and problems the background load found, with its progress.
    case loaded(ParallelLoad.Batch)
    /// Files changed on disk (the watch saw them, or a rescan asked with `Effect.rescan` found them).
    case collectionChanged(CollectionUpdate)
    /// The answer to `Effect.loadStory`.
    /// `summary`: the one it was asked for, so an answer to a request made before the entry changed (a
    /// thread listed early, then whole) is told from the answer to the latest.
    case storyParsed(index: Int, result: Result<Story, LoadProblem>, summary: StorySummary? = nil)
    /// The answer to `Effect.collectComments`: each story's counted comment ids, by story id (a story whose
    /// file could not be read is missing).
    case commentsCollected([String: [CommentID]])
    /// The answer to `Effect.recountUnread`: the counted comment ids of each story read (a story whose
    /// file could not be read is missing).
    case unreadRecounted([RecountedStory])
    /// What the background search found since the last batch (`Effect.search`).
    case searchFound(CollectionSearch.Batch)
    /// The answer to `Effect.save`.
    case saveFinished
    /// A save found the state file unreadable and set it aside (the words say where to).
    case stateFileSetAside(String)
    case saveFailed(StateFileProblem)
    /// The answer to `Effect.openURL` when no browser could be started: each program tried and why.
    case openFailed(program: String, reason: String)
    /// Time passes: saving is due half a second after a change.
    case tick(Date)
    /// The process was asked to end (SIGTERM, SIGHUP, SIGINT): save and quit, from any screen.
    case terminate
}
