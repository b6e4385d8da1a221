import Foundation
import Synchronization

/// Keeps the story list in step with the disk while the reader runs (docs/DECISIONS.md §36): folders are
/// watched through the kernel (`FolderWatch`) from the moment the loader's listing enters them, changes are
/// gathered (`ChangeDebounce`) and read again on a thread of their own (`CollectionRefresh`), and what that
/// changes in the list waits in `take()` for the reader. Nothing is read again before the loader is done
/// (`loadFinished()`): what it lists then is what changes are measured against. `rescan()` lists every
/// source again and reads what differs from what was read (path, device, inode, size and times), for
/// changes no watch could see. Nothing is ever written in the collection.
public final class CollectionWatch: Sendable {
    private struct Shared {
        /// What the loader listed, until it is done and the stamps are taken.
        var listing: [ListedFile]?
        /// The stamp of each file the loader read, as it opened it, by its place in the listing.
        var stamps: [FileStamp?] = []
        var held: [String] = []
        /// The keys of the files held, by place in the listing.
        var heldKeys: [JoinKeys] = []
        /// Entries of stories read from several files, from the loader (`KnownFiles.noteStories`).
        var stories: [StoryEntry] = []
        var loadFinished = false
        var rescanAsked = false
        var stopped = false
        var limitReached = false
        var readState: ReadState
        var updates: [CollectionUpdate] = []
    }

    private let shared: Mutex<Shared>
    private let folders: FolderWatch?
    /// A pipe that wakes the thread (a rescan asked, the load done, the reader quitting).
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let sources: [String]
    private let loader: CollectionLoader
    private let namedPaths: Set<String>
    /// Whether watching was asked for (then its absence is worth a word).
    private let watchingWanted: Bool

    /// Starts the watch's thread; with `watching` false (or no inotify) nothing is watched, and only
    /// `rescan()` looks at the disk again.
    public init(sources: [String], loader: CollectionLoader, readState: ReadState, watching: Bool = true) {
        self.sources = sources
        self.loader = loader
        shared = Mutex(Shared(readState: readState))
        folders = watching ? FolderWatch() : nil
        watchingWanted = watching
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        // Files the user named are watched through their folders, for them alone.
        var named: Set<String> = []
        for source in sources {
            guard case .regular = FileKind.of(source) else { continue }
            named.insert(source)
            let (_, name) = KnownFiles.split(source)
            folders?.watch(FolderRole.folder(of: source), file: (name, source))
        }
        namedPaths = named
        let thread = Thread { [self] in run() }
        thread.start()
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Whether the kernel reports changes (else only a rescan finds them).
    public var isWatching: Bool { folders != nil }

    /// For the loader's listing (`ParallelLoad`): each folder is watched as it is entered.
    public var observer: ListingObserver {
        ListingObserver(entering: { [self] folder in watchFolder(folder) },
                        listed: { [self] files in shared.withLock { $0.listing = files } },
                        stamped: { [self] stamps in
                            shared.withLock { state in
                                // Room for the whole listing at once: grown by doubling, 390,000 stamps
                                // would be held twice while copied.
                                if let count = state.listing?.count, state.stamps.capacity < count { state.stamps.reserveCapacity(count) }
                                for (index, stamp) in stamps {
                                    if index >= state.stamps.count {
                                        state.stamps += repeatElement(nil, count: index + 1 - state.stamps.count)
                                    }
                                    state.stamps[index] = stamp
                                }
                            }
                        },
                        held: { [self] paths, keys in
                            shared.withLock { state in
                                state.held += paths
                                state.heldKeys = keys
                            }
                        })
    }

    /// Entries the loader listed: stories read from several files are remembered, so a change to one of their
    /// files reads the others again with it.
    public func noteListed(_ entries: [StoryEntry]) {
        guard entries.contains(where: { !$0.summary.source.otherPaths.isEmpty }) else { return }
        let joined = entries.filter { !$0.summary.source.otherPaths.isEmpty }
        shared.withLock { $0.stories += joined }
    }

    /// The loader is done: changes are read again from now on.
    public func loadFinished() {
        shared.withLock { $0.loadFinished = true }
        wake()
    }

    /// Lists every source again and reads what changed; the answer is an update with `isRescan`.
    public func rescan() {
        shared.withLock { $0.rescanAsked = true }
        wake()
    }

    /// The read marks unread counts are made against from now on.
    public func setReadState(_ readState: ReadState) {
        shared.withLock { $0.readState = readState }
    }

    /// What changed since the last call.
    public func take() -> [CollectionUpdate] {
        shared.withLock { state in
            defer { state.updates.removeAll() }
            return state.updates
        }
    }

    /// Ends the thread (the reader quits).
    public func stop() {
        shared.withLock { $0.stopped = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func watchFolder(_ folder: String) {
        guard let folders, !isSummaryCache(folder) else { return }
        if folders.watch(folder) == .limitReached { shared.withLock { $0.limitReached = true } }
    }

    /// Whether a folder is the summary cache's: its files change whenever a large file is read, and are
    /// never stories.
    private func isSummaryCache(_ folder: String) -> Bool {
        guard let cache = loader.summaryCache?.folder else { return false }
        var one = stat()
        var two = stat()
        return stat(folder, &one) == 0 && stat(cache, &two) == 0 && one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    // MARK: The thread

    private func run() {
        // Reading changes again runs below the threads that draw and parse the story on screen, as loading does.
        ParallelLoad.yieldToTheReader()
        var known = KnownFiles()
        var pending = PendingChanges()
        var debounce = ChangeDebounce()
        var measured = false
        var said: Set<String> = []
        while true {
            // Idle, the thread sleeps in `poll` until the kernel or the reader has something.
            var timeout: Int32 = -1
            if measured, let deadline = debounce.deadline {
                let now = Self.now()
                timeout = deadline <= now ? 0 : Int32(min(1_000, (deadline - now + 999_999) / 1_000_000))
            }
            var descriptors = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if let folders { descriptors.append(pollfd(fd: folders.descriptor, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
            var byte: UInt8 = 0
            while read(wakeRead, &byte, 1) > 0 {}
            let now = Self.now()
            for change in folders?.changes() ?? [] {
                pending.add(change)
                debounce.note(at: now)
            }
            // The stories read from several files are taken once the load is done: the listing is taken over
            // first, in its order, and they name files already in it.
            let (stopped, finished, rescan, stories) = shared.withLock { state in
                defer {
                    state.rescanAsked = false
                    if state.loadFinished { state.stories = [] }
                }
                return (state.stopped, state.loadFinished, state.rescanAsked, state.loadFinished ? state.stories : [])
            }
            if stopped { return }
            if rescan { pending.rescanAsked = true }
            guard finished else { continue }
            if !measured {
                measured = true
                measure(&known, &pending)
                debounce.note(at: now)
            }
            known.noteStories(stories)
            guard pending.rescanAsked || pending.lost || debounce.isDue(at: Self.now()) else { continue }
            debounce.reset()
            var changes = pending
            pending = PendingChanges()
            // A file caught between its writer's truncating and writing waits for a later round.
            let beingWritten = changes.takeFilesBeingWritten()
            if !beingWritten.isEmpty {
                for path in beingWritten { pending.add(file: path) }
                debounce.note(at: Self.now())
            }
            var update = changes.isEmpty ? CollectionUpdate() : apply(changes, to: &known)
            update.notice = notice(lost: changes.lost, said: &said)
            if !update.isEmpty { shared.withLock { $0.updates.append(update) } }
        }
    }

    /// The stamps of every file the loader listed, once it is done: what later changes are measured against.
    /// Those of the files read are the loader's own, taken as it opened them, so a change made after the read
    /// is a difference even when no watch saw it; the others (files skipped by name, never opened) are taken
    /// now. A file gone meanwhile is a change already.
    private func measure(_ known: inout KnownFiles, _ pending: inout PendingChanges) {
        var stamps: [FileStamp?] = []
        var keys: [JoinKeys] = []
        let (listing, held) = shared.withLock { state in
            defer {
                state.listing = nil
                state.held = []
            }
            // Swapped out, so the one reference to them is handed on (`KnownFiles.adopt`).
            swap(&stamps, &state.stamps)
            swap(&keys, &state.heldKeys)
            return (state.listing, state.held)
        }
        // Stamps and keys are by place in the loader's listing: without it, every file is stamped now (and
        // a file come is read with its whole folder's held files: their keys are not known).
        if listing == nil {
            stamps = []
            keys = []
        }
        for path in known.adopt(listing ?? DocumentFiles.list(sources, problem: { _ in }), stamps: &stamps, keys: &keys) {
            pending.add(file: path)
        }
        known.markHeld(held)
        FreedMemory.giveBack()
    }

    /// Reads again what the changes touch: folders gone take their files, folders come are listed (and
    /// watched), a rescan lists everything and compares.
    private func apply(_ changes: PendingChanges, to known: inout KnownFiles) -> CollectionUpdate {
        var named: Set<String> = []
        var problems: [LoadProblem] = []
        var (paths, addedFolders, removedFolders) = (changes.files, changes.addedFolders, changes.removedFolders)
        // A link is made and removed as a file, whatever it points at: a link to a folder is a folder come,
        // and a link gone that was listed as one takes its files.
        var links: Set<String> = []
        var relist = changes.rescanAsked || changes.lost
        for path in paths where known.file(path) == nil {
            if case .directory = FileKind.of(path) {
                // Pointed elsewhere (`ln -sfn`): what it showed goes, what it shows now comes.
                if !known.files(under: path).isEmpty { removedFolders.append(path) }
                addedFolders.append(path)
                links.insert(path)
            } else if FileStamp(path: path) == nil, !known.files(under: path).isEmpty {
                removedFolders.append(path)
                links.insert(path)
                // The same folder may be reached by another route, listed once under this one: the listing
                // says which, so it is made again (as `R` does).
                relist = true
            }
        }
        if !links.isEmpty { paths.removeAll { links.contains($0) } }
        // A file whose stamp is the one it was read with has not changed since: its event came after it was
        // read (a folder come is listed while its files are still being written, and their writers' close
        // comes later), or its writer closed it without writing. A rescan trusts stamps the same way.
        paths.removeAll { path in known.file(path).map { $0.stamp != nil && $0.stamp == FileStamp(path: path) } ?? false }
        // An MH folder's marks changed (a message read in nmh or mutt): its messages are read again for them.
        var marksChanged = Set(paths.filter { KnownFiles.split($0).1 == MHSequences.fileName }.map(FolderRole.folder(of:)))
        if relist { marksChanged.formUnion(MHSequences.foldersChangedSinceRead()) }
        if !marksChanged.isEmpty {
            paths.removeAll { KnownFiles.split($0).1 == MHSequences.fileName }
            for folder in marksChanged { paths += known.files(in: folder) }
        }
        // A folder that becomes a Maildir (its `cur/` and `new/` made) brings the Maildir++ folders it already
        // had, which were hidden folders of a plain folder until then.
        var mailboxes: Set<String> = []
        for folder in addedFolders {
            let (parent, name) = KnownFiles.split(folder)
            guard name == "cur" || name == "new" || name == "tmp", !parent.isEmpty else { continue }
            // Once for a mailbox, though its three folders came together.
            let mailbox = FolderRole.folder(of: folder)
            guard mailboxes.insert(mailbox).inserted, MaildirSubfolders.isMaildir(mailbox) else { continue }
            for sub in MaildirSubfolders.list(mailbox) where !addedFolders.contains(sub.path) && known.files(under: sub.path).isEmpty {
                addedFolders.append(sub.path)
            }
        }
        for folder in removedFolders { paths += known.files(under: folder) }
        // Watched before it is looked at: a Maildir++ folder finished meanwhile is listed below, one finished
        // later is reported by the watch.
        for folder in addedFolders where Self.mayBecomeMailbox(folder) && !MaildirSubfolders.isMaildir(folder) {
            folders?.watchForMailbox(folder)
        }
        for folder in addedFolders where Self.isListedWhenAdded(folder) && !isSummaryCache(folder) {
            for file in DocumentFiles.list([folder], problem: { problems.append($0) }, entering: watchFolder) {
                paths.append(file.path)
                if file.named { named.insert(file.path) }
            }
        }
        if relist {
            var listing: [String: KnownFiles.File] = [:]
            for file in DocumentFiles.list(sources, problem: { problems.append($0) }, entering: watchFolder) {
                // A file gone between the listing and its stamp is not there.
                guard let stamp = FileStamp(path: file.path) else { continue }
                listing[file.path] = KnownFiles.File(stamp: stamp, named: file.named)
                if file.named { named.insert(file.path) }
            }
            paths += known.differences(to: listing).all
        }
        let readState = shared.withLock { $0.readState }
        let refresh = CollectionRefresh(loader: loader, readState: readState, namedPaths: namedPaths)
        var update = refresh.refresh(paths, named: named, known: &known)
        // Problems of listings replace those of the same paths (a rescan finds the same ones again).
        update.problems += problems
        update.files.formUnion(problems.map(\.path))
        update.isRescan = changes.rescanAsked
        // What a change freed goes back: a rescan lists every file again (390,000 paths of a Maildir), and
        // a file come may grow the tables of every file (their old storage freed as they move).
        FreedMemory.giveBack()
        return update
    }

    /// Whether a folder come while the reader runs is listed: a Maildir come whole (made, or moved in; also a
    /// hidden one, a Maildir++ folder), and any other folder the listing would walk and whose files are read.
    static func isListedWhenAdded(_ folder: String) -> Bool {
        if MaildirSubfolders.isMaildir(folder) { return true }
        guard !FolderRole.isHidden(folder) else { return false }
        return FolderRole.of(folder) != .ignored
    }

    /// Whether a folder come that is no Maildir may become a Maildir++ folder: hidden, in a Maildir.
    static func mayBecomeMailbox(_ folder: String) -> Bool {
        FolderRole.isHidden(folder) && MaildirSubfolders.isMaildir(FolderRole.folder(of: folder))
    }

    /// What to say once: changes lost, the watch limit reached, no watch at all.
    private func notice(lost: Bool, said: inout Set<String>) -> String? {
        if lost, said.insert("lost").inserted {
            return "Some changes on disk came too fast to follow: every file was looked at again"
        }
        if shared.withLock({ $0.limitReached }), said.insert("limit").inserted {
            return "Too many folders to watch them all (fs.inotify.max_user_watches): R rescans"
        }
        if watchingWanted, folders == nil, said.insert("off").inserted {
            return "Changes on disk are not followed (no inotify here): R rescans"
        }
        return nil
    }
}
