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
}
