/// What the reader has read of the collection, to tell what changed since: each file with its stamp when
/// it was last read, by folder and then name (as the kernel names a change); each file's identity, so a
/// second route to a file already listed is not read twice (the listing lists each file once); and the
/// files of each story read from several files together (a Maildir thread), so a change to one of them
/// reads the others again with it.
struct KnownFiles: Sendable {
    struct File: Equatable, Sendable {
        /// Nil when the file could not be looked at (it went while it was listed).
        var stamp: FileStamp?
        /// Whether its name does not decide whether it is a story (`ListedFile.named`).
        var named: Bool
        /// Whether it was read together with other files (`HeldFile`): a message one per file.
        var held = false
    }

    /// Folder (with its last `/`) → name → file.
    private var folders: [String: [String: File]] = [:]
    private var identities: [FileIdentity: String] = [:]
    /// Each file of a story read from several files → every file of that story.
    private var together: [String: [String]] = [:]
    private(set) var count = 0

    func file(_ path: String) -> File? {
        let (folder, name) = Self.split(path)
        return folders[folder]?[name]
    }

    /// Records a file as read now (or, with nil, as gone).
    mutating func set(_ path: String, _ file: File?) {
        let (folder, name) = Self.split(path)
        let old = folders[folder]?[name]
        if let stamp = old?.stamp, identities[Self.identity(stamp)] == path { identities[Self.identity(stamp)] = nil }
        if let file {
            folders[folder, default: [:]][name] = file
            if let stamp = file.stamp { identities[Self.identity(stamp)] = path }
            if old == nil { count += 1 }
        } else if old != nil {
            folders[folder]?[name] = nil
            if folders[folder]?.isEmpty == true { folders[folder] = nil }
            count -= 1
        }
    }

    /// The files known in one folder (not in its subfolders), as paths.
    func files(in folder: String) -> [String] {
        let key = folder + "/"
        return (folders[key] ?? [:]).keys.map { key + $0 }
    }

    /// The files of one folder that were read together with others.
    func heldFiles(in folder: String) -> [String] {
        let key = folder + "/"
        return (folders[key] ?? [:]).compactMap { $0.value.held ? key + $0.key : nil }
    }

    /// Marks files as read together with others (the loader says which, once every file is read).
    mutating func markHeld<Paths: Sequence<String>>(_ paths: Paths) {
        for path in paths {
            let (folder, name) = Self.split(path)
            folders[folder]?[name]?.held = true
        }
    }

    /// The files known in a folder and every folder under it.
    func files(under folder: String) -> [String] {
        let prefix = folder + "/"
        return folders.filter { $0.key.hasPrefix(prefix) }.flatMap { key, files in files.keys.map { key + $0 } }
    }

    /// The path under which a file (device and inode) is known, if it is.
    func path(of stamp: FileStamp) -> String? { identities[Self.identity(stamp)] }

    /// The other files read together with `path` for one story; empty for a file read on its own.
    func partners(of path: String) -> [String] { together[path] ?? [] }

    /// Remembers which files each story read from several files was read from.
    mutating func noteStories<Entries: Sequence<StoryEntry>>(_ entries: Entries) {
        for entry in entries where !entry.summary.source.otherPaths.isEmpty {
            let paths = entry.summary.source.paths
            for path in paths { together[path] = paths }
        }
    }

    /// Forgets the stories of these files (they are being read again, or are gone).
    mutating func forgetStories<Paths: Sequence<String>>(of paths: Paths) {
        for path in paths { together[path] = nil }
    }

    /// The files added, changed and removed in `listing` (every file there is now, with its stamp) since they
    /// were last read; each list in path order.
    func differences(to listing: [String: File]) -> FileDifferences {
        var differences = FileDifferences()
        for (path, file) in listing {
            guard let known = self.file(path) else {
                differences.added.append(path)
                continue
            }
            if known.stamp == nil || known.stamp != file.stamp { differences.changed.append(path) }
        }
        for (folder, files) in folders {
            for name in files.keys {
                let path = folder + name
                if listing[path] == nil { differences.removed.append(path) }
            }
        }
        differences.added.sort()
        differences.changed.sort()
        differences.removed.sort()
        return differences
    }

    /// A path's folder, up to and with its last `/` (empty for a bare name), and its name: the folder and the
    /// name put together are the path again, whatever the path.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        let end = path.utf8.index(after: slash)
        return (String(path[..<end]), String(path[end...]))
    }

    private static func identity(_ stamp: FileStamp) -> FileIdentity {
        FileIdentity(device: stamp.device, inode: stamp.inode)
    }
}

/// Files that differ between what was read and what is on disk now.
struct FileDifferences: Equatable, Sendable {
    var added: [String] = []
    var changed: [String] = []
    var removed: [String] = []

    var all: [String] { added + changed + removed }
}
