import Foundation

/// Changes seen on disk and not yet read: files to look at again, folders that came or went, and whether
/// changes were lost (then only a rescan of everything can tell what changed).
struct PendingChanges: Sendable {
    private(set) var files: [String] = []
    private var seen: Set<String> = []
    private(set) var addedFolders: [String] = []
    private(set) var removedFolders: [String] = []
    var lost = false
    /// Whether the user asked for a rescan (R).
    var rescanAsked = false

    var isEmpty: Bool { files.isEmpty && addedFolders.isEmpty && removedFolders.isEmpty && !lost && !rescanAsked }

    mutating func add(_ change: FolderChange) {
        switch change {
        case .file(let path):
            if seen.insert(path).inserted { files.append(path) }
        case .folderAdded(let path): addedFolders.append(path)
        case .folderRemoved(let path): removedFolders.append(path)
        case .overflow: lost = true
        }
    }

    mutating func add(file path: String) { add(.file(path)) }

    /// Takes out the files that are empty and were changed in the last second: a writer that truncates a
    /// file and then writes it (most do) can be caught between the two when the machine is busy, and an empty
    /// file read then would be a story gone and come back. They are read on a later round; a file left empty
    /// for a second is read as it is.
    mutating func takeFilesBeingWritten() -> [String] {
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let young = files.filter { path in
            guard let stamp = FileStamp(path: path) else { return false }
            return stamp.size == 0 && now - stamp.modified < 1_000_000_000
        }
        guard !young.isEmpty else { return [] }
        let taken = Set(young)
        files.removeAll { taken.contains($0) }
        seen.subtract(taken)
        return young
    }
}
