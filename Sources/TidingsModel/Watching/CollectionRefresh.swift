import Foundation

/// Reads again the files that changed on disk, with every file whose stories depend on them, and says which
/// list entries that replaces (`CollectionUpdate`). What is read with a changed file:
/// - the other files of each story read from several files together that it was part of (a thread's
///   messages in a Maildir, in any of its folders), so no story loses the files that did not change;
/// - when it is a message one per file (`HeldFile`), the stories of the held files that share one of its
///   keys (the thread a new message joins), found through the keys `KnownFiles` keeps; near it, the held
///   files whose keys are not known (in a Maildir: in the `cur/` and `new/` of its mailbox and of the
///   Maildir++ folders beside it), as a new message may answer any of them.
/// The stamps and keys of what was read are kept in `KnownFiles`, for the next change and rescan.
struct CollectionRefresh {
    let loader: CollectionLoader
    let readState: ReadState
    /// Files the user named: read whatever their names.
    let namedPaths: Set<String>

    /// Reads `paths` again (each there or gone now; `named` says which of them the listing named), with
    /// what depends on them.
    func refresh(_ paths: [String], named: Set<String> = [], known: inout KnownFiles) -> CollectionUpdate {
        var roles: [String: FolderRole] = [:]
        func role(ofFolder folder: String) -> FolderRole {
            if let role = roles[folder] { return role }
            let role = FolderRole.of(folder)
            roles[folder] = role
            return role
        }
        var replaced: Set<String> = []
        // Files to read, with whether they are named.
        var toRead: [String: Bool] = [:]
        // Folders whose messages one per file are all read again.
        var heldFolders: Set<String> = []

        // Gone files first: a file renamed is a file gone and a file come, and the one come must not be
        // taken for a second route to the one gone.
        var present: [(path: String, stamp: FileStamp, role: FolderRole)] = []
        for path in Set(paths).sorted() {
            let folder = FolderRole.folder(of: path)
            let role = role(ofFolder: folder)
            guard role != .ignored || known.file(path) != nil else { continue }
            let old = known.file(path)
            if case .messages = role { heldFolders.insert(folder) } else if old?.held == true { heldFolders.insert(folder) }
            guard role != .ignored, let stamp = FileStamp(path: path) else {
                if old != nil { known.set(path, nil) }
                replaced.insert(path)
                continue
            }
            present.append((path, stamp, role))
        }
        for (path, stamp, role) in present {
            let old = known.file(path)
            // Another route to a file listed under another path (a link, a second hard link, a folder reached
            // twice): not listed twice, but its change is the listed file's.
            if old == nil, let other = known.path(of: stamp), other != path,
               let otherStamp = FileStamp(path: other), otherStamp.device == stamp.device, otherStamp.inode == stamp.inode {
                if toRead[other] == nil, let listed = known.file(other) {
                    known.set(other, KnownFiles.File(stamp: otherStamp, named: listed.named, held: listed.held))
                    toRead[other] = listed.named
                    replaced.insert(other)
                }
                continue
            }
            var isNamed = named.contains(path) || namedPaths.contains(path) || old?.named == true
            if case .messages = role { isNamed = true }
            known.set(path, KnownFiles.File(stamp: stamp, named: isNamed, held: old?.held ?? false))
            toRead[path] = isNamed
            replaced.insert(path)
        }

        var work: [String] = []
        /// Takes a file into what is read again, with the files of every story it was part of.
        func include(_ path: String) {
            guard replaced.insert(path).inserted else { return }
            if let file = known.file(path) { toRead[path] = file.named }
            work.append(path)
        }
        var families: [String: [String]] = [:]
        /// Files near a change that may join its stories and whose keys are not known (listed without them):
        /// read with it, as a file come may answer any of them.
        func includeUnkeyed(near folders: Set<String>) {
            for folder in folders {
                if case .messages(let mailbox) = role(ofFolder: folder) {
                    let family = families[mailbox] ?? Self.mailboxFamily(mailbox)
                    families[mailbox] = family
                    for box in family {
                        for messages in [box + "/cur", box + "/new"] { known.filesWithoutKeys(in: messages, heldOnly: false).forEach(include) }
                    }
                } else {
                    known.filesWithoutKeys(in: folder, heldOnly: true).forEach(include)
                }
            }
        }
        func closeOverStories() {
            work += replaced
            while let path = work.popLast() {
                for partner in known.partners(of: path) where !replaced.contains(partner) { include(partner) }
            }
        }
        includeUnkeyed(near: heldFolders)
        closeOverStories()

        var result = read(toRead, known: &known)
        // The stories the files read join: those of every held file holding or naming one of their ids (in
        // any folder, as the load joins them), read with them; and so on with what those hold, until no more
        // join. A new message in a Maildir of 390,000 reads its thread, not the mailbox.
        var lookedUp: Set<UInt64> = []
        var unlooked = 0
        var nearFolders = heldFolders
        while unlooked < result.held.count {
            let before = Set(toRead.keys)
            let newlyHeld = Set(result.held[unlooked...].map { FolderRole.folder(of: $0.path) }).subtracting(nearFolders)
            nearFolders.formUnion(newlyHeld)
            includeUnkeyed(near: newlyHeld)
            var keys: Set<UInt64> = []
            for file in result.held[unlooked...] {
                for key in file.keys where lookedUp.insert(key).inserted { keys.insert(key) }
            }
            unlooked = result.held.count
            known.heldFiles(sharing: keys).forEach(include)
            closeOverStories()
            let more = toRead.filter { !before.contains($0.key) }
            guard !more.isEmpty else { break }
            let extra = read(more, known: &known)
            result.entries += extra.entries
            result.problems += extra.problems
            result.held += extra.held
        }
        for group in JoinedFiles.groupIndices(result.held) {
            switch loader.joinedEntries(group.map { result.held[$0] }, readState: readState) {
            case .success(let found): result.entries += found
            case .failure(let problem): result.problems.append(problem)
            }
        }
        known.forgetStories(of: replaced)
        let entries = ParallelLoad.inPathOrder(result.entries)
        known.noteStories(entries)
        return CollectionUpdate(files: replaced, entries: entries, problems: result.problems)
    }

    /// A Maildir with its Maildir++ folders, from any of them: the load threads their messages together (a
    /// reply in `.Sent` joins its thread in the inbox), so a message come in one is read with all of them.
    static func mailboxFamily(_ mailbox: String) -> [String] {
        let parent = FolderRole.folder(of: mailbox)
        let top = FolderRole.isHidden(mailbox) && parent != mailbox && MaildirSubfolders.isMaildir(parent) ? parent : mailbox
        return [top] + MaildirSubfolders.list(top).map(\.path)
    }

    /// Reads files on their own, holding back those to be read together with others.
    private func read(_ files: [String: Bool], known: inout KnownFiles) -> (entries: [StoryEntry], problems: [LoadProblem], held: [HeldFile]) {
        var entries: [StoryEntry] = []
        var problems: [LoadProblem] = []
        var held: [HeldFile] = []
        for (order, path) in files.keys.sorted().enumerated() {
            let file = ListedFile(path: path, named: files[path] ?? false)
            switch loader.entriesOrHeld(file, order: order, readState: readState) {
            case .success(.read(let found)): entries += found
            case .success(.partly(let found, let problem)):
                entries += found
                problems.append(problem)
            case .success(.held(let part)):
                held.append(part)
                known.markHeld([path])
                known.setKeys(path, part.keys)
                continue
            case .failure(let problem): problems.append(problem)
            }
            // Read on its own this time: no longer one of its folder's messages one per file.
            if var record = known.file(path), record.held {
                record.held = false
                known.set(path, record)
            }
        }
        return (entries, problems, held)
    }
}
