/// What a folder's files are to the listing, for reading them again when they change: the rules of
/// `DocumentFiles` for a folder seen on its own.
enum FolderRole: Equatable, Sendable {
    /// Files read when their names say they may be stories.
    case plain
    /// A Maildir's `cur/` or `new/`: every file is a message, read whatever its name, and threaded with the
    /// other messages of its mailbox (`mailbox` is the Maildir).
    case messages(mailbox: String)
    /// Never read: a Maildir's own files (the mail server's), its `tmp/` (messages still being written),
    /// and the folders a mail server keeps beside them.
    case ignored

    /// The role of `folder` (a path without a final `/`), from the folders around it.
    static func of(_ folder: String) -> FolderRole {
        if MaildirSubfolders.isMaildir(folder) { return .ignored }
        let (parent, name) = KnownFiles.split(folder)
        let mailbox = parent.count > 1 ? String(parent.dropLast()) : parent.isEmpty ? "." : parent
        guard name == "cur" || name == "new" || name == "tmp" || DocumentFiles.maildirBookkeeping.contains(name),
              MaildirSubfolders.isMaildir(mailbox) else { return .plain }
        return name == "cur" || name == "new" ? .messages(mailbox: mailbox) : .ignored
    }

    /// Whether a folder's own name is hidden (`.Sent`): the listing walks no such folder but a Maildir's
    /// Maildir++ folders.
    static func isHidden(_ folder: String) -> Bool {
        KnownFiles.split(folder).name.utf8.first == UInt8(ascii: ".")
    }

    /// The folder of a file's path, as the role and the watch name it (`.` for a bare name).
    static func folder(of path: String) -> String {
        let (folder, _) = KnownFiles.split(path)
        return folder.isEmpty ? "." : folder.count > 1 ? String(folder.dropLast()) : folder
    }
}
