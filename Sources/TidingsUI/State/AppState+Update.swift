import Foundation
import TidingsModel

/// The reader's one entry point: an event in, the effects to carry out out.
extension AppState {
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            touched = true
            leavingRestoredPlace { if !$0.quitting { $0.handle(key) } }
            needsFrame = true
        case .mouse(let mouse):
            touched = true
            linkOpenedByNumber = nil
            // A click answers a question as any key other than `y` does, and leaves a line being typed.
            leavingRestoredPlace { state in
                if state.question != nil {
                    state.answerQuestion(with: .escape)
                } else if !state.quitting {
                    state.handle(mouse)
                }
            }
            needsFrame = true
        case .paste(let text):
            touched = true
            leavingRestoredPlace { $0.receivePaste(text) }
            needsFrame = true
        case .resize(let width, let height):
            resize(width: width, height: height)
            needsFrame = true
        case .loaded(let batch):
            if absorb(batch) { needsFrame = true }
        case .collectionChanged(let update):
            applyChanges(update)
        case .storyParsed(let index, let result, let summary):
            receive(result, at: index, for: summary)
        case .commentsCollected(let ids):
            receiveCollectedComments(ids)
            needsFrame = true
        case .unreadRecounted(let stories):
            receiveRecount(stories)
            needsFrame = true
        case .searchFound(let batch):
            receiveSearch(batch)
        case .saveFinished:
            // Saving works again (the lock freed, the file made writable): its failures no longer hold.
            if saving.failing {
                forgetSessionProblems { $0.hasPrefix(Self.saveFailurePrefix) }
                message = "Read state saved again"
            }
            saving.failing = false
        case .stateFileSetAside(let words):
            reportSessionProblem(words)
        case .saveFailed(let problem):
            saving.failing = true
            reportSessionProblem(Self.saveFailurePrefix + " (\(problem)); will retry")
        case .openFailed(let program, let reason):
            message = "Could not start \(LinkCheck.shown(program)): \(reason)"
            needsFrame = true
        case .tick(let now):
            // Ages on screen move on with the minute; otherwise an idle reader draws nothing.
            if currentStory?.comments.isEmpty == false, !ageClock.agrees(with: AgeClock(now: now, timeZone: timeZone, showsDates: datesShown)) {
                needsFrame = true
            }
            self.now = now
            expireMessage(now: now)
            saveIfDue(now: now)
        case .terminate:
            beginQuitting()
        }
        // A mark-all-read still reading its stories' comments finishes first: quitting must not lose it.
        if quitting, markingAll == nil, !pendingEffects.contains(.quit) { finishQuitting() }
        return takeEffects()
    }

    /// A message clears itself a few seconds after it was first drawn; the problem list keeps it.
    /// While everything is being marked read ("Marking 100,000 stories read…") the message stays: the work
    /// is not done.
    mutating func expireMessage(now: Date) {
        guard message != nil, markingAll == nil else { return }
        guard let shown = messageShownAt else {
            messageShownAt = now
            return
        }
        if now.timeIntervalSince(shown) >= Self.messageLifetime {
            message = nil
            needsFrame = true
        }
    }

    /// Asks for a save when marks changed half a second ago or more, or to retry a failed one.
    mutating func saveIfDue(now: Date) {
        let since = saving.lastSave.map { now.timeIntervalSince($0) } ?? .infinity
        let changed = readStateRevision != saving.savedRevision && since >= SaveSchedule.interval
        let retry = saving.failing && since >= SaveSchedule.retryInterval
        guard changed || retry else { return }
        requestSave()
        saving.lastSave = now
    }

    private mutating func requestSave() {
        request(.save(changes: takeReadStateChanges(), fallback: readState))
        saving.savedRevision = readStateRevision
    }

    /// Quitting: the last marks are saved first, then the executable exits.
    mutating func beginQuitting() {
        quitting = true
        if markingAll != nil {
            message = "Finishing marking stories read, then quitting…"
            needsFrame = true
        }
    }

    private mutating func finishQuitting() {
        if readStateRevision != saving.savedRevision || saving.failing { requestSave() }
        request(.quit)
    }

    /// How the problem of a save that failed starts (the list forgets those once a save succeeds).
    static let saveFailurePrefix = "Cannot save read state"

    /// Takes in what the background load delivered; returns whether the screen needs redrawing.
    @discardableResult
    public mutating func absorb(_ batch: ParallelLoad.Batch) -> Bool {
        adoptLegacyMarks(of: batch.entries)
        adoptSourceMarks(of: batch.entries)
        // An empty provisional list with none listed before changes nothing: the entries are simply added.
        if let provisional = batch.provisional, !(provisional.isEmpty && provisionalCount == 0) {
            // Not the marks of a story listed early: it has only some of its messages yet, and once the state
            // knows a story the marks of the rest would never be taken (its counts come from the marks anyway).
            replaceProvisional(with: provisional, after: batch.entries, problems: batch.problems,
                               lateCount: provisional.isEmpty ? batch.lateCount : 0)
        } else if provisionalCount > 0, !batch.entries.isEmpty {
            // Stories of other files go before the provisional ones, which keep their place at the end.
            replaceProvisional(with: Array(entries.suffix(provisionalCount)), after: batch.entries, problems: batch.problems)
        } else if !batch.entries.isEmpty || !batch.problems.isEmpty {
            placeLateStories(of: batch.entries, lateCount: batch.lateCount)
            append(entries: batch.entries, problems: batch.problems)
        }
        selectRestoredStoryIfListed(loadFinished: batch.finished)
        // Rows counted before marks of their story changed (another copy's mail-client marks taken, a copy
        // read meanwhile): counted again once everything is listed.
        if batch.finished { recountCopies(ofStories: storiesMarkedThisRun) }
        followFirstRowUntilTouched()
        // Until the folders are listed the total is unknown: shown as "looking for stories".
        let progress = batch.finished ? nil : (batch.done, batch.total ?? 0)
        let changed = !batch.entries.isEmpty || !batch.problems.isEmpty || batch.provisional != nil
            || progress?.0 != loadProgress?.done || progress?.1 != loadProgress?.total
        loadProgress = progress
        return changed
    }

    /// Messages a mail client marked read start read, unless the state already says something of them
    /// (docs/STATE.md, "Marks from mail clients"): a message is taken once, and from then on its mark is the
    /// state's.
    mutating func adoptSourceMarks(of entries: [StoryEntry]) {
        let taking = entries.filter { readState.mayTakeClientMarks($0.summary.sourceMarks, storyID: $0.summary.id) }
        guard !taking.isEmpty else { return }
        changeReadState { state in
            var changed = false
            for entry in taking {
                changed = state.takeClientMarks(entry.summary.sourceMarks, storyID: entry.summary.id,
                                                legacyID: entry.summary.legacyID) || changed
            }
            return changed
        }
    }

    /// Stories whose marks are still under their version-1 id take them over (docs/STATE.md, "Migration").
    /// It happens before the entries are listed, so the list, the story opened first and the next save
    /// (the revision changes) all see the marks under the new ids.
    mutating func adoptLegacyMarks(of entries: [StoryEntry]) {
        // Version-1 marks, or a mail thread's marks under the id it had before its start's parent turned up.
        guard readState.hasLegacyMarks || (!readState.stories.isEmpty && entries.contains { $0.summary.mayHaveMoved })
        else { return }
        changeReadState { state in
            var changed = false
            for entry in entries {
                changed = state.adoptLegacyMarks(storyID: entry.summary.id, legacyID: entry.summary.legacyID) || changed
            }
            return changed
        }
    }
}
