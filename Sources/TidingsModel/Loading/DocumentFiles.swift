import Foundation

/// Lists the regular files below the given paths in a stable (byte-wise) order, reporting what cannot be
/// listed. Symlinks are followed, to files and to folders. A file or folder reached again (a second path,
/// an overlapping folder, `DIR/./x`, a link, a hard link, a loop) is skipped without a word where it is met
/// again, so each file is listed once, at its first position. A file given in the paths themselves is
/// `named`, also when it was met before inside a folder.
///
/// Identities are (device, inode) pairs taken without a `stat` per file: readdir gives each entry's inode
/// and type, and a file's device is its folder's, which is `stat`ed once when the folder is entered (mount
/// points are folders, so they get their own device). Only links and entries of unknown type are `stat`ed.
struct DocumentFiles {
    private(set) var files: [ListedFile] = []
    /// Where each file is in `files`.
    private var listed: [FileIdentity: Int] = [:]
    private var visitedFolders: Set<FileIdentity> = []
    /// Told of each folder before it is read (`list`).
    private var entering: ((String) -> Void)?

    /// With `early`, the first `earlyCount` files are handed over as soon as they are certain, before the
    /// rest is sorted, when the first path is a folder whose first entries are plain files (the usual
    /// folder of 100,000 stories): they are exactly the first files of the list returned at the end. A
    /// Maildir's messages, listed in readdir's order, are handed over in further runs as they are read:
    /// each call continues the files handed before. `entering` is told of each folder as it is entered,
    /// before it is read: a watch set up there misses nothing added to the folder after its listing.
    static func list(_ paths: [String], problem: (LoadProblem) -> Void, earlyCount: Int = 0,
                     early: (([ListedFile]) -> Void)? = nil, entering: ((String) -> Void)? = nil) -> [ListedFile] {
        var walk = DocumentFiles()
        walk.entering = entering
        for (index, path) in paths.enumerated() {
            walk.add(path, problem: problem, early: index == 0 && earlyCount > 0 ? early.map { ($0, earlyCount) } : nil)
        }
        return walk.files
    }

    private mutating func add(_ path: String, problem: (LoadProblem) -> Void, early: (([ListedFile]) -> Void, Int)? = nil) {
        switch FileKind.of(path) {
        case .regular(let identity): addFile(path, identity, named: true)
        case .directory(let identity):
            walk(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, identity, problem: problem, early: early)
        case .other(let failure): problem(LoadProblem(path: path, failure: failure))
        }
    }

    private mutating func addFile(_ path: String, _ identity: FileIdentity, named: Bool = false) {
        // One hash lookup for the usual case, a file not met before: this runs for every file listed.
        if let earlier = listed.updateValue(files.count, forKey: identity) {
            // Met before: it stays where it was, but a user who names it means it.
            listed[identity] = earlier
            if named { files[earlier].named = true }
            return
        }
        files.append(ListedFile(path: path, named: named))
    }

    private mutating func walk(_ root: String, _ rootIdentity: FileIdentity, problem: (LoadProblem) -> Void,
                               early: (([ListedFile]) -> Void, Int)? = nil) {
        var early = early
        // Explicit stack: folder depth never grows the call stack. A folder's identity is known when a stat
        // found it (the root, a link), else it is taken when the folder is entered.
        // `messages`: a Maildir's `cur/` or `new/`, whose files are messages whatever their names
        // (`1382298770.004581.host` has an "extension"): they are listed as named, so they are always read.
        var pending: [(path: String, identity: FileIdentity?, messages: Bool)] = [(root, rootIdentity, false)]
        while let (folder, known, messages) = pending.popLast() {
            let identity: FileIdentity
            if let known {
                identity = known
            } else {
                var info = stat()
                guard stat(folder, &info) == 0 else {
                    problem(LoadProblem(path: folder, failure: .folderUnreadable))
                    continue
                }
                identity = FileIdentity(info)
            }
            // Entered before (a second path, a link to it, a loop): its files are already listed.
            guard visitedFolders.insert(identity).inserted else { continue }
            entering?(folder)
            // Only the first folder of the first path that has files (a Maildir's `cur/` under its top
            // folder), before anything is listed, can give the first files early.
            let peek: (([FolderListing.Entry]) -> Void)? = early.flatMap { hand, count in
                guard files.isEmpty else { return nil }
                return { entries in
                    // A Maildir's own files are the mail server's, not read (below): none of them is handed over.
                    let names = Set(entries.lazy.filter { $0.type == UInt8(DT_DIR) || $0.type == UInt8(DT_UNKNOWN) }.map(\.name))
                    guard !names.isSuperset(of: MaildirSubfolders.markers),
                          let first = FolderListing.firstFiles(entries, count: count) else { return }
                    hand(first.map { ListedFile(path: Self.join(folder + "/", $0.name), named: messages) })
                }
            }
            if messages {
                // A Maildir's messages are taken in readdir's order, as they are read: their threads are put
                // in order when every file is read, and the first files can be read at once rather than after
                // 400,000 names (and the names are never all held at once).
                walkMessages(folder, identity, problem: problem, early: files.isEmpty ? early : nil)
                // An empty one (a Maildir++ `.Drafts/cur/`) has handed nothing: the next can still start early.
                if !files.isEmpty { early = nil }
                continue
            }
            guard let listing = FolderListing.read(folder, problem: problem, beforeSorting: peek) else {
                problem(LoadProblem(path: folder, failure: .folderUnreadable))
                continue
            }
            var subfolders: [(path: String, identity: FileIdentity?, messages: Bool)] = []
            var looseFiles: [(path: String, identity: FileIdentity)] = []
            listed.reserveCapacity(listed.count + listing.count)
            let prefix = folder + "/"
            for entry in listing {
                let child = Self.join(prefix, entry.name)
                switch entry.type {
                case UInt8(DT_REG): looseFiles.append((child, FileIdentity(device: identity.device, inode: entry.inode)))
                case UInt8(DT_DIR): subfolders.append((child, nil, false))
                default:
                    // Links, and file systems that do not give the type: ask stat.
                    switch FileKind.of(child) {
                    case .regular(let target): looseFiles.append((child, target))
                    case .directory(let target): subfolders.append((child, target, false))
                    case .other(let failure): problem(LoadProblem(path: child, failure: failure))
                    }
                }
            }
            let maildir = subfolders.count >= MaildirSubfolders.markers.count && Self.isMaildir(subfolders.map(\.path), prefix: prefix)
            // The files beside a Maildir's `cur/` and `new/` are the mail server's (`dovecot-uidlist`,
            // `maildirfolder`, `subscriptions`), never mail: not read, as a mail client does not read them.
            if !maildir {
                // A folder with files ends the chance of early files: they would not be the listing's first.
                if listing.contains(where: { $0.type != UInt8(DT_DIR) }) { early = nil }
                for file in looseFiles where !Self.isRemovedMHMessage(file.path) { addFile(file.path, file.identity, named: messages) }
            } else {
                subfolders.removeAll { Self.maildirBookkeeping.contains(Substring($0.path.utf8.dropFirst(prefix.utf8.count)).description) }
            }
            // A Maildir's `tmp/` holds messages still being written: never read (docs/FORMAT.md).
            if maildir {
                subfolders.removeAll { $0.path.utf8.count == prefix.utf8.count + 3 && $0.path.hasSuffix("/tmp") }
                for index in subfolders.indices where subfolders[index].path.utf8.count == prefix.utf8.count + 3 {
                    subfolders[index].messages = subfolders[index].path.hasSuffix("/cur") || subfolders[index].path.hasSuffix("/new")
                }
                // Its Maildir++ folders (`.Sent/`, `.Lists.rust/`) are hidden but hold mail: walked as Maildirs
                // of their own, in their places among the subfolders by name (before `cur/`), so the order is
                // the one a sorted listing of every name gives.
                let hidden = MaildirSubfolders.list(folder)
                if !hidden.isEmpty {
                    subfolders += hidden.map { ($0.path, $0.identity, false) }
                    subfolders.sort { $0.path < $1.path }
                }
            }
            pending.append(contentsOf: subfolders.reversed())
        }
    }

    /// `,7` or `#7`: a message nmh's `rmm` removed (renamed, kept as a backup until purged), as mail
    /// clients do not show it. Not read from a folder; named on the command line, it is.
    static func isRemovedMHMessage(_ path: String) -> Bool {
        let name = path.utf8.split(separator: UInt8(ascii: "/")).last ?? path.utf8[...]
        guard let first = name.first, first == UInt8(ascii: ",") || first == UInt8(ascii: "#"), name.count > 1 else { return false }
        return name.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A Maildir's `cur/` or `new/`: every entry listed as it is read (files named, so they are read whatever
    /// their names; subfolders, which a Maildir's message folders do not have, are not entered), and the
    /// files handed to `early` in runs: the first `count`, then every 2,048 more.
    private mutating func walkMessages(_ folder: String, _ identity: FileIdentity, problem: (LoadProblem) -> Void,
                                       early: (([ListedFile]) -> Void, Int)?) {
        let prefix = folder + "/"
        var handed = files.count
        let ok = FolderListing.forEach(folder, problem: problem) { entry in
            let child = Self.join(prefix, entry.name)
            switch entry.type {
            case UInt8(DT_REG): addFile(child, FileIdentity(device: identity.device, inode: entry.inode), named: true)
            case UInt8(DT_DIR): break
            default:
                switch FileKind.of(child) {
                case .regular(let target): addFile(child, target, named: true)
                case .directory: break
                case .other(let failure): problem(LoadProblem(path: child, failure: failure))
                }
            }
            if let (hand, count) = early, files.count >= (handed == 0 ? count : handed + 2048) {
                hand(Array(files[handed...]))
                handed = files.count
            }
        }
        if let (hand, _) = early, files.count > handed { hand(Array(files[handed...])) }
        if !ok { problem(LoadProblem(path: folder, failure: .folderUnreadable)) }
    }

    /// Folders a mail server keeps inside a Maildir beside its mail (Courier's keywords and ACLs).
    static let maildirBookkeeping: Set<String> = ["courierimapkeywords", "courierimaphieracl", "courierimapacl"]

    /// Whether the folder's subfolders (full paths under `prefix`) are a Maildir's (`MaildirSubfolders.markers`).
    static func isMaildir(_ subfolders: [String], prefix: String) -> Bool {
        let names = Set(subfolders.map { String($0.dropFirst(prefix.count)) })
        return names.isSuperset(of: MaildirSubfolders.markers)
    }

    /// `prefix + name` in one allocation and two copies: it runs for every entry listed.
    static func join(_ prefix: String, _ name: String) -> String {
        var prefix = prefix, name = name
        return prefix.withUTF8 { head in
            name.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + tail.count) { buffer in
                    _ = buffer.initialize(from: head)
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[head.count...]).initialize(from: tail)
                    return head.count + tail.count
                }
            }
        }
    }
}
