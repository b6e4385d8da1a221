import Foundation
import Synchronization

/// The kernel's notifications of changes in folders (Linux inotify), read without blocking: folders are
/// added as the listing enters them, and `changes()` turns what the kernel queued into `FolderChange`s in
/// the collection's own paths. Hidden names are passed over, as the listing passes them over (but for a
/// Maildir's hidden folders, which may be its Maildir++ folders). A folder
/// watched only for files the user named (`watch(_:file:)`) reports those files and nothing else.
final class FolderWatch: Sendable {
    enum Adding: Equatable {
        case added
        /// The user's limit of watches (`fs.inotify.max_user_watches`) is reached.
        case limitReached
        case failed
    }

    /// A folder being watched; `names` (name → the path the user gave) when only named files count;
    /// `awaitsMailbox` for a Maildir's hidden folder that is not yet a Maildir (made in steps): only its
    /// becoming one counts.
    private struct Watched {
        var path: String
        var names: [String: String]?
        var awaitsMailbox = false
    }

    /// What is asked of the kernel: every change that adds, rewrites or removes a file or a folder.
    /// `IN_CLOSE_WRITE` rather than `IN_MODIFY`: a file is worth reading when its writer is done with it.
    static let mask: UInt32 = UInt32(truncatingIfNeeded: IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM
        | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(truncatingIfNeeded: IN_ONLYDIR)

    let descriptor: Int32
    private let folders = Mutex([Int32: Watched]())

    /// Nil when the kernel gives no inotify descriptor (too many open, or not Linux).
    init?() {
        let descriptor = inotify_init1(Int32(truncatingIfNeeded: IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Watches a folder for every file in it, or (`file`) for that one file, named `path` by the user. A
    /// folder watched both ways reports every file.
    @discardableResult
    func watch(_ folder: String, file: (name: String, path: String)? = nil) -> Adding {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return errno == ENOSPC ? .limitReached : .failed }
        folders.withLock { folders in
            // The same folder again (another route to it, a rescan) has the same watch.
            var watched = folders[watch] ?? Watched(path: folder, names: file == nil ? nil : [:])
            if let file {
                watched.names?[file.name] = file.path
            } else {
                watched.names = nil
            }
            watched.awaitsMailbox = false
            folders[watch] = watched
        }
        return .added
    }

    /// Watches a Maildir's hidden folder that is not a Maildir yet (`mkdir .Lists`, its `cur/` and `new/` to
    /// come): it is reported as a folder come (`folderAdded`) once it has them, and nothing in it is
    /// reported before (a tool's own hidden folder, `.notmuch`, is never read).
    func watchForMailbox(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return }
        folders.withLock { folders in
            guard folders[watch] == nil else { return }
            folders[watch] = Watched(path: folder, names: [:], awaitsMailbox: true)
        }
    }

    /// How many folders are watched.
    var count: Int { folders.withLock { $0.count } }

    /// Everything the kernel has queued, as changes (nothing when nothing happened: it never blocks).
    func changes() -> [FolderChange] {
        var changes: [FolderChange] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            let records = buffer.withUnsafeBytes { InotifyRecords.decode(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            folders.withLock { folders in
                for record in records { Self.interpret(record, &folders, descriptor: descriptor, into: &changes) }
            }
        }
        return changes
    }

    private static func interpret(_ record: InotifyRecord, _ folders: inout [Int32: Watched], descriptor: Int32,
                                  into changes: inout [FolderChange]) {
        func has(_ flag: Int32) -> Bool { record.mask & UInt32(truncatingIfNeeded: flag) != 0 }
        if has(IN_Q_OVERFLOW) {
            changes.append(.overflow)
            return
        }
        guard let folder = folders[record.watch] else { return }
        if has(IN_IGNORED) {
            // The kernel dropped the watch (its folder is gone): the change came before this.
            folders[record.watch] = nil
            return
        }
        guard !record.name.isEmpty else {
            // The folder itself was deleted or moved away; a moved folder's watches would go on reporting
            // under paths that are not its own any more, so they are all dropped.
            if has(IN_DELETE_SELF) || has(IN_MOVE_SELF) {
                changes.append(.folderRemoved(folder.path))
                unwatch(folder.path, &folders, descriptor: descriptor)
            }
            return
        }
        if folder.awaitsMailbox {
            guard has(IN_ISDIR), has(IN_CREATE) || has(IN_MOVED_TO), MaildirSubfolders.isMaildir(folder.path) else { return }
            folders[record.watch]?.awaitsMailbox = false
            folders[record.watch]?.names = nil
            changes.append(.folderAdded(folder.path))
            return
        }
        // Hidden names are passed over as the listing passes them over, but for a Maildir's hidden folders,
        // which may be Maildir++ folders (`.Sent`) the listing walks: made, moved in or away live.
        if record.name.utf8.first == UInt8(ascii: ".") {
            // An MH folder's marks: the refresh reads its messages again (`CollectionWatch.apply`).
            if record.name == MHSequences.fileName, folder.names == nil, !has(IN_ISDIR) {
                changes.append(.file(folder.path + "/" + record.name))
                return
            }
            guard folder.names == nil, MaildirSubfolders.isMaildir(folder.path) else { return }
            // A link (to a Maildir++ folder kept elsewhere) comes and goes as a file: the refresh looks.
            guard has(IN_ISDIR) || !has(IN_CLOSE_WRITE) else { return }
        }
        if let names = folder.names {
            if !has(IN_ISDIR), let path = names[record.name] { changes.append(.file(path)) }
            return
        }
        let path = folder.path + "/" + record.name
        if has(IN_ISDIR) {
            if has(IN_CREATE) || has(IN_MOVED_TO) { changes.append(.folderAdded(path)) }
            if has(IN_DELETE) || has(IN_MOVED_FROM) {
                changes.append(.folderRemoved(path))
                unwatch(path, &folders, descriptor: descriptor)
            }
        } else {
            changes.append(.file(path))
        }
    }

    /// Stops watching a folder and every folder under it.
    private static func unwatch(_ path: String, _ folders: inout [Int32: Watched], descriptor: Int32) {
        let under = path + "/"
        for (watch, folder) in folders where folder.path == path || folder.path.hasPrefix(under) {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
