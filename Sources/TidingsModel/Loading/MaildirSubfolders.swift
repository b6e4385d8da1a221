import Foundation

/// A Maildir's Maildir++ subfolders: the hidden folders Courier and Dovecot keep a mailbox's other folders
/// in (`.Sent/`, `.Drafts/`, `.Lists.rust/`), each a Maildir of its own beside the top one's `cur/`, `new/`
/// and `tmp/`.
enum MaildirSubfolders {
    /// The hidden entries of the Maildir `folder` that are Maildirs, in byte-wise order of their names, with
    /// their identity when a `stat` was needed to see they are folders (links, unknown types). Every other
    /// hidden entry (`.git`, `.uidvalidity`, a broken link) is left out without a word, as hidden entries
    /// anywhere are.
    static func list(_ folder: String) -> [(path: String, identity: FileIdentity?)] {
        let prefix = folder + "/"
        var found: [(name: String, path: String, identity: FileIdentity?)] = []
        // Nothing is reported: a hidden entry was never read, so none of it is a problem of the collection.
        _ = FolderListing.forEach(folder, hidden: true, problem: { _ in }) { entry in
            let path = DocumentFiles.join(prefix, entry.name)
            var identity: FileIdentity?
            if entry.type != UInt8(DT_DIR) {
                guard case .directory(let target) = FileKind.of(path) else { return }
                identity = target
            }
            guard isMaildir(path) else { return }
            found.append((entry.name, path, identity))
        }
        return found.sorted { $0.name < $1.name }.map { ($0.path, $0.identity) }
    }

    /// The subfolders that make a folder a Maildir: `cur/` and `new/`. Its `tmp/` is not asked for: a
    /// Maildir kept in git or unpacked from an archive has lost it (an empty folder), and mutt opens such a
    /// Maildir all the same.
    static let markers: Set<String> = ["cur", "new"]

    /// Whether the folder has `cur/` and `new/` (followed through links, as the walk follows them).
    static func isMaildir(_ folder: String) -> Bool {
        markers.allSatisfy { name in
            if case .directory = FileKind.of(folder + "/" + name) { return true }
            return false
        }
    }
}
