/// What the reader has read of the collection, to tell what changed since: each file with its stamp when
/// it was last read, by path and by folder (as the kernel names a change); each file's identity, so a
/// second route to a file already listed is not read twice (the listing lists each file once); and the
/// files of each story read from several files together (a Maildir thread), so a change to one of them
/// reads the others again with it; and the ids each file read together with others holds and names, so a
/// file come is read with the stories it joins, and only those.
struct KnownFiles: Sendable {
    struct File: Equatable, Sendable {
        /// Nil when the file could not be looked at (it went while it was listed).
        var stamp: FileStamp?
        /// Whether its name does not decide whether it is a story (`ListedFile.named`).
        var named: Bool
        /// Whether it was read together with other files (`HeldFile`): a message one per file.
        var held = false
    }

    // Kept by number, each path once (the same string the listing and the stories hold): a Maildir of
    // 390,000 files took 170 MiB in tables by folder, name and path, and takes about 50 now.
    /// Every path recorded, by number; a file gone keeps its number, with no file, so numbers stay valid.
    private var paths: [String] = []
    /// Each number's stamp and flags (`File` split in two: the loader's stamps become the first whole).
    private var stamps: [FileStamp?] = []
    private var flags: [UInt8] = []
    private static let present: UInt8 = 1, named: UInt8 = 2, held: UInt8 = 4
    private var numbers: [String: Int32] = [:]
    private var identities: [FileIdentity: Int32] = [:]
    /// Folder (with its last `/`) → the numbers of its files, gone ones included.
    private var folders: [String: [Int32]] = [:]
    /// Each file's story read from several files (a place in `stories`), or -1.
    private var storyOf: [Int32] = []
    /// The files of each such story; a file read again since is no longer one of them (`storyOf` says).
    private var stories: [[Int32]] = []
    /// Each number's keys when it was read together with others (`HeldFile.keys`), else none; empty, not a
    /// table of nothing, while no file was held (a folder of 100,000 stories read one by one).
    private var joinKeys: [JoinKeys] = []
    private(set) var count = 0
    /// Paths with a number, gone ones included (at most four times `count` once there are many).
    var numberedPaths: Int { paths.count }

    /// Room for this many files, so a large listing is not copied as the tables grow.
    mutating func reserveCapacity(_ files: Int) {
        paths.reserveCapacity(files)
        stamps.reserveCapacity(files)
        flags.reserveCapacity(files)
        storyOf.reserveCapacity(files)
        numbers.reserveCapacity(files)
        identities.reserveCapacity(files)
    }

    func file(_ path: String) -> File? {
        numbers[path].flatMap { slot(Int($0)) }
    }

    private func slot(_ number: Int) -> File? {
        let flags = flags[number]
        guard flags & Self.present != 0 else { return nil }
        return File(stamp: stamps[number], named: flags & Self.named != 0, held: flags & Self.held != 0)
    }

    private func isPresent(_ number: Int32) -> Bool { flags[Int(number)] & Self.present != 0 }

    /// Records the files the loader listed, in its order, with the stamps it took as it opened them and the
    /// keys of those it read together with others (both by place in the listing, taken over whole: `taken`
    /// and `keys` are left empty); a file it did not open is stamped now. Returns the files that could not
    /// be stamped (gone since).
    mutating func adopt(_ listing: [ListedFile], stamps taken: inout [FileStamp?], keys: inout [JoinKeys]) -> [String] {
        guard paths.isEmpty else {
            // Not the first thing recorded: file by file.
            var unstamped: [String] = []
            for (index, file) in listing.enumerated() {
                let stamp = (index < taken.count ? taken[index] : nil) ?? FileStamp(path: file.path)
                set(file.path, File(stamp: stamp, named: file.named))
                if index < keys.count { setKeys(file.path, keys[index]) }
                if stamp == nil { unstamped.append(file.path) }
            }
            return unstamped
        }
        // Swapped in, not copied: the only reference to 390,000 stamps stays the only one.
        swap(&stamps, &taken)
        swap(&joinKeys, &keys)
        if joinKeys.count > listing.count { joinKeys.removeLast(joinKeys.count - listing.count) }
        if !joinKeys.isEmpty { joinKeys += repeatElement(JoinKeys(), count: listing.count - joinKeys.count) }
        if stamps.count > listing.count { stamps.removeLast(stamps.count - listing.count) }
        reserveCapacity(listing.count)
        stamps += repeatElement(nil, count: listing.count - stamps.count)
        var unstamped: [String] = []
        for (index, file) in listing.enumerated() {
            if stamps[index] == nil {
                stamps[index] = FileStamp(path: file.path)
                if stamps[index] == nil { unstamped.append(file.path) }
            }
            paths.append(file.path)
            flags.append(Self.present | (file.named ? Self.named : 0))
            storyOf.append(-1)
            numbers[file.path] = Int32(index)
            folders[Self.split(file.path).folder, default: []].append(Int32(index))
            if let stamp = stamps[index] { identities[Self.identity(stamp)] = Int32(index) }
        }
        count = listing.count
        return unstamped
    }

    /// Records a file as read now (or, with nil, as gone).
    mutating func set(_ path: String, _ file: File?) {
        guard file != nil || numbers[path] != nil else { return }
        let number = self.number(path)
        let old = slot(Int(number))
        if let stamp = old?.stamp, identities[Self.identity(stamp)] == number { identities[Self.identity(stamp)] = nil }
        stamps[Int(number)] = file?.stamp
        if file?.held != true, !joinKeys.isEmpty { joinKeys[Int(number)] = JoinKeys() }
        flags[Int(number)] = file.map { Self.present | ($0.named ? Self.named : 0) | ($0.held ? Self.held : 0) } ?? 0
        if let stamp = file?.stamp { identities[Self.identity(stamp)] = number }
        count += (file == nil ? 0 : 1) - (old == nil ? 0 : 1)
        if file == nil { compactIfMostlyGone() }
    }

    /// The files known in one folder (not in its subfolders), as paths.
    func files(in folder: String) -> [String] {
        (folders[folder + "/"] ?? []).compactMap { isPresent($0) ? paths[Int($0)] : nil }
    }

    /// The files of one folder that were read together with others.
    func heldFiles(in folder: String) -> [String] {
        (folders[folder + "/"] ?? []).compactMap { isPresent($0) && flags[Int($0)] & Self.held != 0 ? paths[Int($0)] : nil }
    }

    /// Marks files as read together with others (the loader says which, once every file is read).
    mutating func markHeld<Paths: Sequence<String>>(_ paths: Paths) {
        for path in paths {
            guard let number = numbers[path], isPresent(number) else { continue }
            flags[Int(number)] |= Self.held
        }
    }

    /// The files of one folder whose keys are not known: every one, or (`heldOnly`) those read together with
    /// others. Listed without their keys, they are read with any change near them.
    func filesWithoutKeys(in folder: String, heldOnly: Bool) -> [String] {
        (folders[folder + "/"] ?? []).compactMap { number in
            let flags = flags[Int(number)]
            guard flags & Self.present != 0, !heldOnly || flags & Self.held != 0,
                  joinKeys.isEmpty || joinKeys[Int(number)].isEmpty else { return nil }
            return paths[Int(number)]
        }
    }

    /// Notes the keys of a file read together with others (`HeldFile.keys`).
    mutating func setKeys(_ path: String, _ keys: JoinKeys) {
        guard let number = numbers[path] else { return }
        if joinKeys.isEmpty {
            guard !keys.isEmpty else { return }
            joinKeys = Array(repeating: JoinKeys(), count: paths.count)
        }
        joinKeys[Int(number)] = keys
    }

    /// The files read together with others that hold or name any of `keys`: the stories a file holding them
    /// joins. One pass over every file's keys (a few milliseconds for 390,000), no index kept.
    func heldFiles(sharing keys: Set<UInt64>) -> [String] {
        guard !keys.isEmpty else { return [] }
        var found: [String] = []
        for number in joinKeys.indices where flags[number] & (Self.present | Self.held) == Self.present | Self.held {
            if joinKeys[number].contains(where: keys.contains) { found.append(paths[number]) }
        }
        return found
    }

    /// The files known in a folder and every folder under it.
    func files(under folder: String) -> [String] {
        let prefix = folder + "/"
        return folders.filter { $0.key.hasPrefix(prefix) }.flatMap { _, numbers in
            numbers.compactMap { isPresent($0) ? paths[Int($0)] : nil }
        }
    }

    /// The path under which a file (device and inode) is known, if it is.
    func path(of stamp: FileStamp) -> String? { identities[Self.identity(stamp)].map { paths[Int($0)] } }

    /// The other files read together with `path` for one story; empty for a file read on its own.
    func partners(of path: String) -> [String] {
        guard let number = numbers[path], case let story = storyOf[Int(number)], story >= 0 else { return [] }
        return stories[Int(story)].compactMap { storyOf[Int($0)] == story ? paths[Int($0)] : nil }
    }

    /// Remembers which files each story read from several files was read from (the loader tells it as it
    /// lists, before the files are recorded).
    mutating func noteStories<Entries: Sequence<StoryEntry>>(_ entries: Entries) {
        for entry in entries where !entry.summary.source.otherPaths.isEmpty {
            let story = Int32(stories.count)
            let members = entry.summary.source.paths.map { number($0) }
            for member in members { storyOf[Int(member)] = story }
            stories.append(members)
        }
    }

    /// Forgets the stories of these files (they are being read again, or are gone).
    mutating func forgetStories<Paths: Sequence<String>>(of paths: Paths) {
        for path in paths {
            if let number = numbers[path] { storyOf[Int(number)] = -1 }
        }
    }

    /// The number of a path, given one if it has none.
    private mutating func number(_ path: String) -> Int32 {
        if let number = numbers[path] { return number }
        // Grown by an eighth, not doubled: the tables of 390,000 files reserved as the loader listed them
        // would take 39 MB more for the first message come.
        Self.makeRoom(&paths)
        Self.makeRoom(&stamps)
        Self.makeRoom(&flags)
        Self.makeRoom(&storyOf)
        if !joinKeys.isEmpty { Self.makeRoom(&joinKeys) }
        let number = Int32(paths.count)
        paths.append(path)
        stamps.append(nil)
        flags.append(0)
        storyOf.append(-1)
        if !joinKeys.isEmpty { joinKeys.append(JoinKeys()) }
        numbers[path] = number
        folders[Self.split(path).folder, default: []].append(number)
        return number
    }

    private static func makeRoom<Element>(_ array: inout [Element]) {
        if array.count == array.capacity { array.reserveCapacity(array.count + max(1_024, array.count / 8)) }
    }

    /// Numbers again from the files there are when most numbered ones are gone (mail moved from `new/` to
    /// `cur/` gets a new path each time), so a long session does not keep every path it ever saw.
    private mutating func compactIfMostlyGone() {
        guard paths.count > 4_096, count < paths.count / 4 else { return }
        let old = self
        self = KnownFiles()
        reserveCapacity(old.count)
        var renumbered = [Int32](repeating: -1, count: old.paths.count)
        for index in old.paths.indices {
            guard let file = old.slot(index) else { continue }
            set(old.paths[index], file)
            renumbered[index] = numbers[old.paths[index]]!
            if !old.joinKeys.isEmpty { setKeys(old.paths[index], old.joinKeys[index]) }
        }
        for (story, members) in old.stories.enumerated() {
            // A story's files that are still its own, also those noted before they were recorded.
            let kept = members.filter { old.storyOf[Int($0)] == Int32(story) }
            guard !kept.isEmpty else { continue }
            let numbered = kept.map { renumbered[Int($0)] >= 0 ? renumbered[Int($0)] : number(old.paths[Int($0)]) }
            for member in numbered { storyOf[Int(member)] = Int32(stories.count) }
            stories.append(numbered)
        }
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
        for index in paths.indices where isPresent(Int32(index)) && listing[paths[index]] == nil {
            differences.removed.append(paths[index])
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
