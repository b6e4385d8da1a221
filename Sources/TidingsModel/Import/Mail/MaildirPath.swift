import Foundation

/// Whether a file is a message of a Maildir: in its `cur/` or `new/`, beside which lies the other.
enum MaildirPath {
    /// Asked of files that do not look like mail (no header block), in every folder listed: the name of
    /// the folder holding the file is looked at first, and only in a `cur/` or `new/` the folder above.
    static func isMessage(_ path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return false }
        let folder = path[..<slash]
        let name = folder.lastIndex(of: "/").map { folder[folder.index(after: $0)...] } ?? folder
        guard name == "cur" || name == "new" else { return false }
        let mailbox = folder.dropLast(name.count)
        let top = mailbox.isEmpty ? "./" : String(mailbox)
        return MaildirSubfolders.markers.allSatisfy { child in
            var info = stat()
            return stat(top + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
    }
}
