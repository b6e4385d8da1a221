/// A change in a watched folder, named by the collection's own paths (as the listing writes them).
enum FolderChange: Equatable, Sendable {
    /// A file was created, written, moved in, deleted or moved away: whether it is there now is looked up
    /// when it is read again.
    case file(String)
    /// A folder appeared (made, or moved in): its files are new.
    case folderAdded(String)
    /// A folder went away (deleted, or moved out): every file under it is gone.
    case folderRemoved(String)
    /// The kernel's queue overflowed: changes were lost, only a rescan can tell which.
    case overflow
}
